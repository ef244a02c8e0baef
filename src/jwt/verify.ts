import { type HmacAlgorithm, isHmacAlgorithm } from './algorithms';
import { utf8Encode } from './base64url';
import { parsePayload, type SplitToken, splitToken } from './decode';
import {
  DecodeError,
  ExpiredSignatureError,
  ImmatureSignatureError,
  InvalidAlgorithmError,
  InvalidIssuedAtError,
  InvalidSignatureError,
  InvalidSubjectError,
  MissingRequiredClaimError,
} from './errors';
import { constantTimeEqual, hmac, type JwtKey } from './keys';

/** Seconds since the Unix epoch; inject a fixed one in tests and simulators. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now() / 1000;

export interface VerifyOptions {
  /** Algorithms accepted; HS256 only by default. `none` is never accepted. */
  algorithms?: readonly HmacAlgorithm[];
  /** Seconds of tolerance for exp, nbf and iat (PyJWT's `leeway`, default 0). */
  leeway?: number;
  clock?: Clock;
  /** Claims that must be present (PyJWT's `options={"require": [...]}`). */
  require?: readonly string[];
  verifyExp?: boolean;
  verifyNbf?: boolean;
  verifyIat?: boolean;
  /** Refuse a `sub` that is not a string, as PyJWT 2.10 and later do. */
  verifySub?: boolean;
}

export interface VerifiedToken {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  headerJson: string;
  payloadJson: string;
  algorithm: HmacAlgorithm;
}

/**
 * Verifies a token as `jwt.decode(token, key, algorithms=[...])` does, in
 * PyJWT's order: structure, algorithm allow-list, signature (constant-time),
 * payload JSON, then the claims (required, iat, nbf, exp, sub). Throws the
 * PyJWT-named error of the first check that fails.
 *
 * @example const { payload } = await verifyToken(token, 'secret', { clock: () => 1_700_000_000 })
 */
export async function verifyToken(token: string, key: JwtKey, options: VerifyOptions = {}): Promise<VerifiedToken> {
  const split = splitToken(token);
  const algorithm = checkAlgorithm(split.header, options.algorithms ?? ['HS256']);
  await checkSignature(split, key, algorithm);
  const { payload, payloadJson } = parsePayload(split);
  checkClaims(payload, options);
  return { header: split.header, payload, headerJson: split.headerJson, payloadJson, algorithm };
}

/** The header's `alg`, if the allow-list accepts it. */
export function checkAlgorithm(header: Record<string, unknown>, allowed: readonly HmacAlgorithm[]): HmacAlgorithm {
  for (const name of allowed) {
    if (!isHmacAlgorithm(name)) throw new InvalidAlgorithmError('Algorithm not supported', name);
  }
  if (!Object.hasOwn(header, 'alg')) throw new InvalidAlgorithmError('Algorithm not specified', undefined);
  const alg = header.alg;
  if (!isHmacAlgorithm(alg) || !allowed.includes(alg)) {
    throw new InvalidAlgorithmError('The specified alg value is not allowed', alg);
  }
  return alg;
}

async function checkSignature(split: SplitToken, key: JwtKey, algorithm: HmacAlgorithm): Promise<void> {
  const expected = await hmac(algorithm, key, utf8Encode(split.signingInput));
  if (!constantTimeEqual(expected, split.signature)) throw new InvalidSignatureError();
}

/** The registered-claim checks alone, on a payload whose signature is already trusted. */
export function checkClaims(payload: Record<string, unknown>, options: VerifyOptions = {}): void {
  const leeway = options.leeway ?? 0;
  const now = Math.floor((options.clock ?? systemClock)());
  for (const claim of options.require ?? []) {
    if (payload[claim] === undefined || payload[claim] === null) throw new MissingRequiredClaimError(claim);
  }
  if ('iat' in payload && options.verifyIat !== false) {
    const iat = pythonInt(payload.iat);
    if (iat === undefined) throw new InvalidIssuedAtError();
    if (iat > now + leeway) throw new ImmatureSignatureError('iat', iat - now);
  }
  if ('nbf' in payload && options.verifyNbf !== false) {
    const nbf = integerClaim(payload.nbf, 'Not Before claim (nbf) must be an integer.', 'nbf');
    if (nbf > now + leeway) throw new ImmatureSignatureError('nbf', nbf - now);
  }
  if ('exp' in payload && options.verifyExp !== false) {
    const exp = integerClaim(payload.exp, 'Expiration Time claim (exp) must be an integer.', 'exp');
    // Expired at the very second of exp, as PyJWT rules.
    if (exp <= now - leeway) throw new ExpiredSignatureError(now - exp);
  }
  if ('sub' in payload && options.verifySub !== false && typeof payload.sub !== 'string') {
    throw new InvalidSubjectError();
  }
}

/** Python's int(x): numbers truncated, integer strings read, anything else undefined. */
function pythonInt(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  return undefined;
}

/** A time claim as PyJWT reads it, `int(payload[claim])`, refused with PyJWT's message. */
function integerClaim(value: unknown, message: string, claim: 'exp' | 'nbf'): number {
  const seconds = pythonInt(value);
  if (seconds === undefined) throw new DecodeError(message, { kind: 'claim-type', claim });
  return seconds;
}
