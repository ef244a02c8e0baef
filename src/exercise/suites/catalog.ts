/**
 * The cases and code checks of every suite, as plain data with no imports, so
 * the build can validate exercise files against them without loading the
 * grading code.
 */
export interface CaseInfo {
  id: string;
  /** Shown on the result line, e.g. "a valid token". */
  label: string;
}

/**
 * Test tokens for `verify_token(token, secret)`: a fresh random secret and
 * claims at every Check, so only code that really verifies can pass.
 */
export const VERIFIER_CASES = [
  { id: 'valid', label: 'a valid token' },
  { id: 'reordered-header', label: 'a valid token whose header lists "typ" before "alg"' },
  { id: 'payload-changed', label: 'the payload changed to "role": "admin" without re-signing' },
  { id: 'alg-switched', label: 'the header changed to "alg": "HS512" without re-signing' },
  { id: 'alg-none', label: 'the header changed to "alg": "none", with an empty signature' },
  { id: 'other-secret', label: 'a token signed with another secret key' },
  { id: 'truncated-signature', label: 'the signature cut short by 4 characters' },
  { id: 'flipped-byte', label: 'one bit of one byte of the signature flipped' },
  { id: 'two-segments', label: 'only two segments (the signature left off)' },
  { id: 'four-segments', label: 'four segments (a dot and more text added)' },
  { id: 'non-base64url', label: 'the signature in standard base64 (with +, / or = padding)' },
  { id: 'stray-character', label: 'a "!" (not base64url) inside the payload' },
  { id: 'padded-signature', label: 'the signature with base64 "=" padding kept' },
  { id: 'signed-payload-only', label: 'a signature computed over the payload alone' },
  { id: 'signed-sha1', label: 'a signature made with HMAC-SHA1' },
  { id: 'signed-md5', label: 'a signature made with HMAC-MD5' },
  { id: 'garbage-payload', label: 'a bad signature over a payload that is not JSON' },
] as const satisfies readonly CaseInfo[];

export type VerifierCaseId = (typeof VERIFIER_CASES)[number]['id'];

export const VERIFIER_CODE_CHECKS = [
  { id: 'compare-digest', label: 'the signatures are compared with hmac.compare_digest' },
] as const satisfies readonly CaseInfo[];

/**
 * The expiry challenge: `issue_token(payload, secret, now, lifetime=900)` and
 * `verify_token(token, secret, now)`, graded with a controlled clock: every
 * call gets the same `now`, a random second, never the real time.
 */
export const EXPIRY_CASES = [
  { id: 'issue-default', label: 'issue_token(payload, secret, now=T) sets exp to T + 900' },
  { id: 'issue-lifetime', label: 'issue_token(..., now=T, lifetime=60) sets exp to T + 60' },
  { id: 'issue-keeps-claims', label: "the issued token keeps the payload's claims and verifies" },
  { id: 'expired', label: 'a token that expired 60 s before now' },
  { id: 'expires-now', label: 'a token whose exp is exactly now' },
  { id: 'future', label: 'a token that expires 60 s after now' },
  { id: 'no-exp', label: 'a token without an exp claim' },
  { id: 'exp-extended', label: 'an expired token whose exp was pushed back without re-signing' },
] as const satisfies readonly CaseInfo[];

export type ExpiryCaseId = (typeof EXPIRY_CASES)[number]['id'];

export const EXPIRY_CODE_CHECKS = [
  { id: 'given-clock', label: "the functions use the now they are given, not the computer's clock" },
] as const satisfies readonly CaseInfo[];

/** The closed list of graded suites an exercise can name in its `suite:` field. */
export const SUITE_CATALOG = {
  'hs256-verifier': { cases: VERIFIER_CASES, codeChecks: VERIFIER_CODE_CHECKS },
  expiry: { cases: EXPIRY_CASES, codeChecks: EXPIRY_CODE_CHECKS },
} as const;

export type SuiteId = keyof typeof SUITE_CATALOG;

export const SUITE_IDS = Object.keys(SUITE_CATALOG) as SuiteId[];

export function isSuiteId(id: string): id is SuiteId {
  return Object.hasOwn(SUITE_CATALOG, id);
}
