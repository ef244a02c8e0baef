import { errorMessage } from '../lib/errorMessage';
import { HMAC_ALGORITHMS, type HmacAlgorithm } from './algorithms';
import { base64urlDecode, utf8Encode } from './base64url';
import { InvalidKeyError } from './errors';

/**
 * A secret key: text (used as its UTF-8 bytes, like PyJWT's `str` keys), raw
 * bytes, or bytes written in base64url (a JWK's `k`).
 */
export type JwtKey = string | Uint8Array | { base64url: string };

/** The key's bytes; throws InvalidKeyError for an empty key or bad base64url. */
export function keyBytes(key: JwtKey): Uint8Array {
  let bytes: Uint8Array;
  if (typeof key === 'string') bytes = utf8Encode(key);
  else if (key instanceof Uint8Array) bytes = key;
  else {
    try {
      bytes = base64urlDecode(key.base64url);
    } catch (error) {
      throw new InvalidKeyError(`The key is not valid base64url: ${errorMessage(error)}`);
    }
  }
  // Web Crypto refuses empty HMAC keys, and an empty secret protects nothing.
  if (bytes.length === 0) throw new InvalidKeyError('The secret key is empty');
  return bytes;
}

const MAX_CACHED_KEYS = 64;
// Longer keys (a pasted megabyte, say) are imported each time rather than kept.
const MAX_CACHED_KEY_BYTES = 1024;
const cache = new Map<string, Promise<CryptoKey>>();

/**
 * Imports an HMAC key for Web Crypto once per (algorithm, key bytes) and reuses
 * it: importing costs more than signing a short token.
 */
export function importHmacKey(algorithm: HmacAlgorithm, bytes: Uint8Array): Promise<CryptoKey> {
  if (bytes.length > MAX_CACHED_KEY_BYTES) return importRaw(algorithm, bytes);
  let id = `${algorithm}:`;
  for (const byte of bytes) id += byte.toString(16).padStart(2, '0');
  const cached = cache.get(id);
  if (cached) {
    // Refresh its place: the map's order is the eviction order.
    cache.delete(id);
    cache.set(id, cached);
    return cached;
  }
  const imported = importRaw(algorithm, bytes);
  cache.set(id, imported);
  imported.catch(() => cache.delete(id));
  if (cache.size > MAX_CACHED_KEYS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return imported;
}

function importRaw(algorithm: HmacAlgorithm, bytes: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'raw',
    bytes as BufferSource,
    { name: 'HMAC', hash: HMAC_ALGORITHMS[algorithm] },
    false,
    ['sign'],
  );
}

/** The HMAC of `data` with `key`: the raw signature bytes. */
export async function hmac(algorithm: HmacAlgorithm, key: JwtKey, data: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await importHmacKey(algorithm, keyBytes(key));
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, data as BufferSource));
}

/**
 * Compares two byte strings in time that depends only on their lengths, so a
 * caller cannot learn how many leading bytes of a forged signature were right.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}
