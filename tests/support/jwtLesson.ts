/**
 * The JWT lesson's sections, in page order, by their stable ids: the order of
 * ../shared/lesson-brief.md, then the topics a JWT lesson needs (where a client keeps its
 * token, revocation, `iss`/`aud`), then the practice quiz, and last the recap, which
 * summarises and shows the checklist (completion is claimed there only once it is earned).
 */
export const JWT_LESSON_SECTION_IDS = [
  'introduction',
  'anatomy',
  'example-build-verify',
  'flow',
  'example-flask',
  'production',
  'exercise',
  'troubleshooting',
  'challenge',
  'token-storage',
  'revocation',
  'issuer-audience',
  'quiz',
  'recap',
] as const;
