import { decodeToken } from '../jwt';
import { duration } from './inspectToken';

/** What the simulator knew when a reply came back: enough to explain it truthfully. */
export interface ReplyFacts {
  statusCode: number;
  /** The JSON body, when the reply was JSON. */
  json: unknown;
  /** The request's Authorization header, when it sent one. */
  authorization: string | undefined;
  /** The server's clock (seconds) when it answered. */
  serverTime: number;
}

/**
 * A short explanation of a reply, built only from the reply itself (status and
 * message) and the request that produced it, so it can never contradict what
 * the learner sees. Always starts with the status code.
 *
 * @example explainReply({ statusCode: 401, json: { msg: 'Token has expired' }, ... })
 *   // "401: the token's exp (…) is past on the server's clock (…). The client must log in again …"
 */
export function explainReply(facts: ReplyFacts): string {
  const { statusCode: status, json } = facts;
  const record =
    typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const msg = typeof record.msg === 'string' ? record.msg : undefined;
  const lead = `${status}: `;

  if (status >= 200 && status < 300) {
    if (typeof record.access_token === 'string') {
      const lifetime = tokenLifetime(record.access_token);
      return `${lead}the username and password were right, so the server answered with a signed access token${
        lifetime === undefined ? '' : ` that expires ${duration(lifetime)} after it was issued`
      }. It sent no token with the request: logging in needs none.`;
    }
    const caller =
      typeof record.user === 'string' ? record.user : typeof record.username === 'string' ? record.username : undefined;
    if (facts.authorization) {
      return `${lead}the server verified the Bearer token (signature, then expiry) and knows the caller${
        caller ? `: ${caller}` : ''
      }.`;
    }
    return `${lead}the server accepted the request.`;
  }

  switch (msg) {
    case 'Missing Authorization Header':
      return `${lead}the request carried no Authorization header, so the server had no token to check. Every protected request needs "Authorization: Bearer <token>".`;
    case "Missing 'Bearer' type in 'Authorization' header. Expected 'Authorization: Bearer <JWT>'":
      return `${lead}there is an Authorization header${
        facts.authorization ? ` ("${firstWord(facts.authorization)} …")` : ''
      }, but it does not start with the word Bearer. The header must be "Bearer", a space, then the token.`;
    case "Bad Authorization header. Expected 'Authorization: Bearer <JWT>'":
      return `${lead}the header says Bearer but is not exactly two parts: "Bearer", one space, and the token.`;
    case 'Not enough segments':
    case 'Too many segments':
      return `${lead}what follows "Bearer " is not a JWT: a JWT has three base64url parts separated by dots.`;
    case 'Signature verification failed':
      return `${lead}the server recomputed the HMAC of the token's header and payload with its own secret key, and it does not match the token's signature. Either the token was changed after it was signed, or it was signed with another secret (for instance one the server no longer uses).`;
    case 'Token has expired':
      return `${lead}${expiryDetail(facts)} The client must log in again (or use a refresh token).`;
    case 'The token is not yet valid (nbf)':
      return `${lead}the token's nbf ("not before") is later than the server's clock, so it is not valid yet.`;
    case 'Only non-refresh tokens are allowed':
      return `${lead}a refresh token was sent to a route that wants an access token.`;
    case 'Token has been revoked':
      return `${lead}the token is valid, but the server has put it on its blocklist.`;
    case 'Subject must be a string':
      return `${lead}the token's sub claim is not a string; PyJWT 2.10+ refuses it.`;
    case 'Bad username or password':
      return `${lead}the username or password is wrong, so no token was issued.`;
    case undefined:
      break;
    default:
      return `${lead}the server refused the request with "${msg}".`;
  }
  switch (status) {
    case 400:
      return `${lead}the body is not valid JSON, so Flask refused it before the view ran.`;
    case 404:
      return `${lead}no route matches this path.`;
    case 405:
      return `${lead}the route exists, but not for this method (see the Allow header).`;
    case 415:
      return `${lead}the body was not sent as JSON (Content-Type: application/json), so request.get_json() refused it.`;
    case 500:
      return `${lead}the view raised an exception; the server answered with an error page.`;
    default:
      return `${lead}the server refused the request.`;
  }
}

function firstWord(value: string): string {
  return value.trim().split(/\s+/)[0]?.slice(0, 20) ?? '';
}

function tokenLifetime(token: string): number | undefined {
  try {
    const { payload } = decodeToken(token);
    return typeof payload.exp === 'number' && typeof payload.iat === 'number' ? payload.exp - payload.iat : undefined;
  } catch {
    return undefined;
  }
}

function bearerPayload(authorization: string | undefined): Record<string, unknown> | undefined {
  const token = authorization?.trim().split(/\s+/)[1];
  if (!token) return undefined;
  try {
    return decodeToken(token).payload;
  } catch {
    return undefined;
  }
}

function expiryDetail(facts: ReplyFacts): string {
  const payload = bearerPayload(facts.authorization);
  const exp = typeof payload?.exp === 'number' ? payload.exp : undefined;
  const iat = typeof payload?.iat === 'number' ? payload.iat : undefined;
  if (exp === undefined) return "the token's exp claim is in the past on the server's clock.";
  const lived = iat === undefined ? '' : ` It lived ${duration(exp - iat)} (exp − iat);`;
  return `the token's exp claim has passed:${lived} the server's clock is ${duration(
    Math.floor(facts.serverTime) - exp,
  )} past it.`;
}
