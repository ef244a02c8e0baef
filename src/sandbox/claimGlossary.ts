/** Who defines a claim: the JWT standard (RFC 7519) or Flask-JWT-Extended. */
export type ClaimSource = 'RFC 7519' | 'Flask-JWT-Extended';

export interface ClaimExplanation {
  claim: string;
  name: string;
  source: ClaimSource;
  explanation: string;
}

/**
 * Every registered claim of RFC 7519 §4.1 and every claim Flask-JWT-Extended
 * 4.x writes into its tokens (`fresh`, `type`, `csrf`; `jti`, `sub`, `iat`,
 * `nbf`, `exp` are the registered ones it also writes).
 */
export const CLAIM_GLOSSARY: readonly ClaimExplanation[] = [
  {
    claim: 'iss',
    name: 'issuer',
    source: 'RFC 7519',
    explanation: 'Who issued the token, e.g. the URL of the auth server. Checked only if the server asks for it.',
  },
  {
    claim: 'sub',
    name: 'subject',
    source: 'RFC 7519',
    explanation:
      'Who the token is about: Flask-JWT-Extended puts the identity here (get_jwt_identity() reads it). Must be a string.',
  },
  {
    claim: 'aud',
    name: 'audience',
    source: 'RFC 7519',
    explanation: 'Which service the token is meant for; a server that checks it refuses tokens meant for another.',
  },
  {
    claim: 'exp',
    name: 'expiration time',
    source: 'RFC 7519',
    explanation:
      'Seconds since 1970 after which the token is refused (401 "Token has expired"). 15 minutes after iat by default.',
  },
  {
    claim: 'nbf',
    name: 'not before',
    source: 'RFC 7519',
    explanation: 'Seconds since 1970 before which the token is refused. Flask-JWT-Extended sets it equal to iat.',
  },
  { claim: 'iat', name: 'issued at', source: 'RFC 7519', explanation: 'Seconds since 1970 when the token was made.' },
  {
    claim: 'jti',
    name: 'JWT ID',
    source: 'RFC 7519',
    explanation:
      'A unique id (a random UUID) for this one token, so a server can revoke it by putting the id on a blocklist.',
  },
  {
    claim: 'type',
    name: 'token type',
    source: 'Flask-JWT-Extended',
    explanation:
      '"access" or "refresh". @jwt_required() accepts only access tokens; @jwt_required(refresh=True) only refresh tokens.',
  },
  {
    claim: 'fresh',
    name: 'freshness',
    source: 'Flask-JWT-Extended',
    explanation:
      'true only for a token made right after the password was checked; @jwt_required(fresh=True) demands it for sensitive actions. Tokens made from a refresh token are not fresh.',
  },
  {
    claim: 'csrf',
    name: 'CSRF token',
    source: 'Flask-JWT-Extended',
    explanation:
      'A random value used only when the token travels in a cookie: the client must echo it in a header to prove the request is not cross-site. Unused with the Authorization header.',
  },
];

const BY_CLAIM = new Map(CLAIM_GLOSSARY.map((entry) => [entry.claim, entry]));

/** The explanation of a claim, or undefined for an application's own claim (role, password…). */
export function explainClaim(claim: string): ClaimExplanation | undefined {
  return BY_CLAIM.get(claim);
}

/** The payload's top-level claim names, in order, or none when it is not a JSON object. */
export function claimNames(payloadJson: string | undefined): string[] {
  if (!payloadJson) return [];
  try {
    const value: unknown = JSON.parse(payloadJson);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  } catch {
    return [];
  }
}
