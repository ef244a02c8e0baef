/** The HMAC algorithms the engine signs and verifies with, and their hashes. */
export const HMAC_ALGORITHMS = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' } as const;

export type HmacAlgorithm = keyof typeof HMAC_ALGORITHMS;

export const HMAC_ALGORITHM_NAMES = Object.keys(HMAC_ALGORITHMS) as HmacAlgorithm[];

export function isHmacAlgorithm(value: unknown): value is HmacAlgorithm {
  return typeof value === 'string' && Object.hasOwn(HMAC_ALGORITHMS, value);
}
