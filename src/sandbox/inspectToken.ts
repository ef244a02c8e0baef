import {
  base64urlEncode,
  type Clock,
  DecodeError,
  decodeBytes,
  decodeToken,
  ExpiredSignatureError,
  type HmacAlgorithm,
  hmac,
  ImmatureSignatureError,
  InvalidAlgorithmError,
  InvalidKeyError,
  isHmacAlgorithm,
  type JwtKey,
  PyJWTError,
  pythonJsonLoadsBytes,
  utf8Encode,
  verifyToken,
} from '../jwt';
import { errorMessage } from '../lib/errorMessage';

export type SecretEncoding = 'text' | 'base64url';

export interface InspectionInput {
  token: string;
  secret: string;
  secretEncoding: SecretEncoding;
  /** The algorithm the "server" accepts: `jwt.decode(..., algorithms=[algorithm])`. */
  algorithm: HmacAlgorithm;
  clock: Clock;
}

/**
 * One of the three parts, as far as it could be decoded. A token of more than three
 * pieces is cut as PyJWT cuts it: the header up to the first dot, the signature after
 * the last, and the payload everything between (extra dots included).
 */
export interface PartView {
  segment: string;
  /** Pretty-printed JSON for header and payload, when the part decodes to JSON. */
  json?: string;
  problem?: string;
}

export type CheckName = 'input' | 'structure' | 'header' | 'payload' | 'algorithm' | 'secret' | 'signature' | 'claims';

export interface Verdict {
  ok: boolean;
  /** The check that decided the verdict. */
  check: CheckName;
  /** Short, precise: "malformed: 2 parts", "signature does not match", "expired 42 s ago". */
  summary: string;
  /** What `jwt.decode(token, secret, algorithms=[...])` would do in Python. */
  python: string;
}

export interface SignatureSteps {
  algorithm: HmacAlgorithm;
  signingInput: string;
  hmacHex: string;
  expected: string;
  received: string;
  matches: boolean;
}

export interface TimeClaim {
  claim: 'exp' | 'iat' | 'nbf';
  seconds: number;
}

export interface Inspection {
  parts: { header?: PartView; payload?: PartView; signature?: PartView; count: number };
  verdict: Verdict;
  steps?: SignatureSteps;
  times: TimeClaim[];
}

const MAX_SHOWN = 20_000;

/** A key from what the learner typed; throws InvalidKeyError. */
export function keyFromSecret(secret: string, encoding: SecretEncoding): JwtKey {
  return encoding === 'text' ? secret : { base64url: secret.trim() };
}

/**
 * Inspects a token as a learner pasted it: every part decoded as far as it
 * goes, the signature recomputed step by step, and a verdict naming the first
 * check that fails, in PyJWT's order. Never throws.
 */
export async function inspectToken(input: InspectionInput): Promise<Inspection> {
  const token = input.token.trim();
  const count = token === '' ? 0 : token.split('.').length;
  const parts: Inspection['parts'] = { count };
  const times: TimeClaim[] = [];
  if (count >= 3) {
    const firstDot = token.indexOf('.');
    const lastDot = token.lastIndexOf('.');
    parts.header = viewPart(token.slice(0, firstDot), 'header');
    parts.payload = viewPart(token.slice(firstDot + 1, lastDot), 'payload');
    parts.signature = viewSignature(token.slice(lastDot + 1));
    times.push(...timeClaimsOf(token));
  }
  const steps = await signatureSteps(token, input).catch(() => undefined);
  return { parts, verdict: await verdictFor(token, input), times, ...(steps ? { steps } : {}) };
}

function viewPart(segment: string, part: 'header' | 'payload'): PartView {
  const shown = segment.length > MAX_SHOWN ? `${segment.slice(0, MAX_SHOWN)}…` : segment;
  let bytes: Uint8Array;
  try {
    bytes = decodeBytes(segment, part);
  } catch (error) {
    return { segment: shown, problem: `not valid base64url: ${base64urlDetail(error)}` };
  }
  const text = new TextDecoder().decode(bytes);
  try {
    // Read as PyJWT reads it (Python's json module), so the problem is worded as its error.
    const value: unknown = pythonJsonLoadsBytes(bytes);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { segment: shown, json: JSON.stringify(value, null, 2), problem: 'JSON, but not an object' };
    }
    return { segment: shown, json: JSON.stringify(value, null, 2) };
  } catch (error) {
    return { segment: shown, json: text.slice(0, MAX_SHOWN), problem: `not valid JSON: ${errorMessage(error)}` };
  }
}

function viewSignature(segment: string): PartView {
  try {
    const bytes = decodeBytes(segment, 'signature');
    return { segment, json: `${bytes.length} bytes` };
  } catch (error) {
    return { segment: segment.slice(0, MAX_SHOWN), problem: `not valid base64url: ${base64urlDetail(error)}` };
  }
}

/** What decodeBytes found wrong with a segment. */
function base64urlDetail(error: unknown): string {
  const problem = error instanceof DecodeError ? error.problem : undefined;
  return problem?.kind === 'base64url' ? problem.detail : String(error);
}

/** The token's iat, nbf and exp when they are numbers: synchronous, so the page can show them at once. */
export function timeClaimsOf(token: string): TimeClaim[] {
  let payload: Record<string, unknown>;
  try {
    payload = decodeToken(token.trim()).payload;
  } catch {
    return [];
  }
  return (['iat', 'nbf', 'exp'] as const).flatMap((claim) => {
    const value = payload[claim];
    return typeof value === 'number' && Number.isFinite(value) ? [{ claim, seconds: value }] : [];
  });
}

async function signatureSteps(token: string, input: InspectionInput): Promise<SignatureSteps | undefined> {
  const segments = token.split('.');
  if (segments.length !== 3 || input.secret === '') return undefined;
  const signingInput = `${segments[0]}.${segments[1]}`;
  let headerAlg: unknown;
  try {
    headerAlg = decodeToken(token).header.alg;
  } catch {
    headerAlg = undefined;
  }
  const algorithm = isHmacAlgorithm(headerAlg) ? headerAlg : input.algorithm;
  const bytes = await hmac(algorithm, keyFromSecret(input.secret, input.secretEncoding), utf8Encode(signingInput));
  const expected = base64urlEncode(bytes);
  const received = segments[2] ?? '';
  return {
    algorithm,
    signingInput: signingInput.length > MAX_SHOWN ? `${signingInput.slice(0, MAX_SHOWN)}…` : signingInput,
    hmacHex: [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(''),
    expected,
    received: received.slice(0, MAX_SHOWN),
    matches: expected === received,
  };
}

async function verdictFor(token: string, input: InspectionInput): Promise<Verdict> {
  const call = `jwt.decode(token, secret, algorithms=["${input.algorithm}"])`;
  if (token === '')
    return { ok: false, check: 'input', summary: 'empty: paste a token', python: `${call} → nothing to decode` };
  if (input.secret === '') {
    // Structure can still be judged without a key.
    try {
      decodeToken(token);
    } catch (error) {
      return failure(error, call, input);
    }
    return {
      ok: false,
      check: 'secret',
      summary: 'enter the secret key to check the signature',
      python: `${call} needs the key`,
    };
  }
  try {
    const { payload } = await verifyToken(token, keyFromSecret(input.secret, input.secretEncoding), {
      algorithms: [input.algorithm],
      clock: input.clock,
    });
    const exp = typeof payload.exp === 'number' ? payload.exp : undefined;
    const now = Math.floor(input.clock());
    return {
      ok: true,
      check: 'claims',
      summary:
        exp === undefined
          ? 'valid: signature matches (no exp: it never expires)'
          : `valid: signature matches, expires in ${duration(exp - now)}`,
      python: `${call} → returns the payload`,
    };
  } catch (error) {
    return failure(error, call, input);
  }
}

function failure(error: unknown, call: string, input: InspectionInput): Verdict {
  if (!(error instanceof PyJWTError)) {
    return { ok: false, check: 'input', summary: `cannot check: ${String(error)}`, python: `${call} → error` };
  }
  const python = `${call} raises ${error.toPython()}`;
  // More than three pieces: PyJWT reads the extra dots as part of the payload, and fails on what
  // it reads first; the summary says both.
  const pieces = input.token.trim().split('.').length;
  const prefix = pieces > 3 ? `malformed: ${pieces} parts (a JWT has 3); ` : '';
  const verdict = (check: CheckName, summary: string): Verdict => ({
    ok: false,
    check: prefix ? 'structure' : check,
    summary: prefix + summary,
    python,
  });
  if (error instanceof InvalidKeyError)
    return verdict('secret', `secret key: ${error.message.replace(/^The /, 'the ')}`);
  if (error instanceof ExpiredSignatureError)
    return verdict('claims', `expired ${duration(error.expiredSecondsAgo)} ago`);
  if (error instanceof ImmatureSignatureError) {
    return verdict(
      'claims',
      error.claim === 'nbf'
        ? `not valid yet: nbf is in ${duration(error.validInSeconds)}`
        : `issued in the future: iat is in ${duration(error.validInSeconds)}`,
    );
  }
  if (error instanceof InvalidAlgorithmError) {
    if (error.algorithm === undefined) return verdict('algorithm', 'the header names no algorithm (alg)');
    if (typeof error.algorithm === 'string' && error.algorithm.toLowerCase() === 'none') {
      return verdict('algorithm', 'alg "none" is always refused: an unsigned token proves nothing');
    }
    return verdict(
      'algorithm',
      `alg ${JSON.stringify(error.algorithm)} is not allowed (the server accepts ${input.algorithm})`,
    );
  }
  if (error.code === 'ERR_JWT_INVALID_SIGNATURE') return verdict('signature', 'signature does not match');
  if (error instanceof DecodeError) {
    const problem = error.problem;
    if (problem?.kind === 'segments')
      return verdict(
        'structure',
        `malformed: ${problem.count} ${problem.count === 1 ? 'part' : 'parts'} (a JWT has 3)`,
      );
    if (problem?.kind === 'base64url')
      return verdict(
        problem.part === 'payload' ? 'payload' : problem.part === 'header' ? 'header' : 'signature',
        `${problem.part} is not valid base64url (${problem.detail})`,
      );
    if (problem?.kind === 'json') return verdict(problem.part, `${problem.part} is not valid JSON (${problem.detail})`);
    if (problem?.kind === 'not-object') return verdict(problem.part, `${problem.part} is JSON but not an object`);
    if (problem?.kind === 'claim-type') return verdict('claims', `${problem.claim} is not a number of seconds`);
  }
  return verdict('claims', error.message);
}

/** "42 s", "5 min 3 s", "2 h 10 min", "3 days". */
export function duration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`;
  if (seconds < 86_400)
    return `${Math.floor(seconds / 3600)} h${Math.floor((seconds % 3600) / 60) ? ` ${Math.floor((seconds % 3600) / 60)} min` : ''}`;
  const days = Math.floor(seconds / 86_400);
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}
