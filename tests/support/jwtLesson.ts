/** The JWT lesson's sections, in the order ../shared/lesson-brief.md sets, by their stable ids. */
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
  'recap',
  'quiz',
] as const;
