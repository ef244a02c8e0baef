import {
  base64urlDecode,
  base64urlEncodeText,
  type HmacAlgorithm,
  type JwtKey,
  signatureFor,
  signToken,
  utf8Decode,
} from '../jwt';

/**
 * The tampering an attacker might try, as pure functions on token text. None
 * of them knows the real secret: each shows one thing the signature catches.
 */

function segmentsOf(token: string): [string, string, string] {
  const [header = '', payload = '', signature = ''] = token.trim().split('.');
  return [header, payload, signature];
}

function decodeJsonSegment(segment: string): Record<string, unknown> {
  const value: unknown = JSON.parse(utf8Decode(base64urlDecode(segment)));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  return value as Record<string, unknown>;
}

/** Sets one claim in the payload and keeps the old signature: what a forger can do without the key. */
export function changeClaimWithoutResigning(token: string, claim: string, value: unknown): string {
  const [header, payload, signature] = segmentsOf(token);
  const claims = { ...decodeJsonSegment(payload), [claim]: value };
  return `${header}.${base64urlEncodeText(JSON.stringify(claims))}.${signature}`;
}

/** The classic "alg: none" attack: claim the token is unsigned and drop the signature. */
export function switchAlgToNone(token: string): string {
  const [header, payload] = segmentsOf(token);
  return `${base64urlEncodeText(JSON.stringify({ ...decodeJsonSegment(header), alg: 'none' }))}.${payload}.`;
}

/** Re-signs the same header and payload with a key the server does not have. */
export async function signWithAnotherSecret(
  token: string,
  otherKey: JwtKey,
  algorithm: HmacAlgorithm,
): Promise<string> {
  const [header, payload] = segmentsOf(token);
  return `${header}.${payload}.${await signatureFor(`${header}.${payload}`, otherKey, algorithm)}`;
}

/** Cuts characters off the end of the signature, as a copy-paste accident would. */
export function truncateSignature(token: string, characters = 6): string {
  const [header, payload, signature] = segmentsOf(token);
  return `${header}.${payload}.${signature.slice(0, Math.max(0, signature.length - characters))}`;
}

/** Replaces the header or payload segment with the (compacted) JSON text given, keeping the rest. */
export function replaceJsonPart(token: string, part: 'header' | 'payload', json: string): string {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`the ${part} must be a JSON object`);
  const [header, payload, signature] = segmentsOf(token);
  const segment = base64urlEncodeText(JSON.stringify(value));
  return part === 'header' ? `${segment}.${payload}.${signature}` : `${header}.${segment}.${signature}`;
}

/** Signs the token's current header and payload texts again with `key` (a visible choice, never automatic). */
export async function resign(token: string, key: JwtKey, algorithm: HmacAlgorithm): Promise<string> {
  const [header, payload] = segmentsOf(token);
  return `${header}.${payload}.${await signatureFor(`${header}.${payload}`, key, algorithm)}`;
}

/** A fresh token with the same claims, iat = now and exp 15 minutes later, signed as PyJWT would. */
export async function freshToken(token: string, key: JwtKey, algorithm: HmacAlgorithm, now: number): Promise<string> {
  const [, payload] = segmentsOf(token);
  const claims = { ...decodeJsonSegment(payload), iat: Math.floor(now), exp: Math.floor(now) + 900 };
  return signToken(claims, key, { algorithm });
}
