import { base64urlDecode, type HmacAlgorithm, utf8Encode } from '../jwt';
import type { SecretEncoding } from './inspectToken';

/** The shortest key RFC 7518 §3.2 allows for each HMAC algorithm: the hash's output size, in bytes. */
export const MINIMUM_KEY_BYTES: Record<HmacAlgorithm, number> = { HS256: 32, HS384: 48, HS512: 64 };

export interface WeakKeyWarning {
  bytes: number;
  minimum: number;
  algorithm: HmacAlgorithm;
  /** What recent PyJWT prints (InsecureKeyLengthWarning) for this key. */
  message: string;
}

/**
 * The warning recent PyJWT gives (`InsecureKeyLengthWarning`, a UserWarning;
 * an error only with `enforce_minimum_key_length`) when an HMAC key is shorter
 * than the hash's output: 32 bytes for HS256, 48 for HS384, 64 for HS512.
 * Undefined for a long enough key, an empty one, or one that is not valid base64url.
 *
 * @example weakKeyWarning('abc', 'text', 'HS256')?.bytes // 3
 */
export function weakKeyWarning(
  secret: string,
  encoding: SecretEncoding,
  algorithm: HmacAlgorithm,
): WeakKeyWarning | undefined {
  if (secret === '') return undefined;
  let bytes: number;
  try {
    bytes = encoding === 'text' ? utf8Encode(secret).length : base64urlDecode(secret.trim()).length;
  } catch {
    return undefined;
  }
  const minimum = MINIMUM_KEY_BYTES[algorithm];
  if (bytes >= minimum) return undefined;
  const hash = `SHA${algorithm.slice(2)}`;
  return {
    bytes,
    minimum,
    algorithm,
    message: `The HMAC key is ${bytes} bytes long, which is below the minimum recommended length of ${minimum} bytes for ${hash}.`,
  };
}
