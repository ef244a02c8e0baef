import { type HmacAlgorithm, isHmacAlgorithm } from './algorithms';
import { base64urlEncode, base64urlEncodeText, utf8Encode } from './base64url';
import { InvalidAlgorithmError, InvalidInputError } from './errors';
import { hmac, type JwtKey } from './keys';
import { pythonJsonDumps } from './pythonJson';

export interface SignOptions {
  /** HS256 (the default), HS384 or HS512. */
  algorithm?: HmacAlgorithm;
  /** Extra header fields, merged over `{ typ: 'JWT', alg }` as PyJWT does. */
  headers?: Record<string, unknown>;
}

/**
 * Signs a payload the way PyJWT's `jwt.encode(payload, key, algorithm=...)`
 * does, byte for byte: header keys sorted, compact JSON, non-ASCII escaped.
 *
 * @example await signToken({ sub: 'alice' }, 'secret') // 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSJ9.…'
 */
export async function signToken(
  payload: Record<string, unknown>,
  key: JwtKey,
  options: SignOptions = {},
): Promise<string> {
  const algorithm = options.algorithm ?? 'HS256';
  if (!isHmacAlgorithm(algorithm)) throw new InvalidAlgorithmError('Algorithm not supported', algorithm);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new InvalidInputError('Expecting a dict object, as JWT only supports JSON objects as payloads.');
  }
  const header = { typ: 'JWT', alg: algorithm, ...options.headers };
  return signSegments(pythonJsonDumps(header, { sortKeys: true }), pythonJsonDumps(payload), key, algorithm);
}

/**
 * Signs exactly the header and payload texts given (no re-serialising), e.g. a
 * header whose keys are in an unusual order. Returns `header.payload.signature`.
 */
export async function signSegments(headerJson: string, payloadJson: string, key: JwtKey, algorithm: HmacAlgorithm) {
  const signingInput = `${base64urlEncodeText(headerJson)}.${base64urlEncodeText(payloadJson)}`;
  return `${signingInput}.${await signatureFor(signingInput, key, algorithm)}`;
}

/** The base64url signature of a signing input (`header.payload`). */
export async function signatureFor(signingInput: string, key: JwtKey, algorithm: HmacAlgorithm): Promise<string> {
  return base64urlEncode(await hmac(algorithm, key, utf8Encode(signingInput)));
}
