import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { base64urlEncode, utf8Encode } from '../jwt';
import type { RandomSource } from '../lib/random';

/*
 * A grammar of test tokens, genuine and forged, for grading code that verifies
 * (or issues) JWTs. A plan describes a token as data (its JSON, how it is
 * written, how it is signed, what was done to it afterwards); `renderPlan`
 * turns it into the token text, `describePlan` into words for the learner, and
 * `shrinkPlan` into simpler plans of the same kind, so a failing token can be
 * cut down to the smallest one that still fails. Every draw comes from an
 * injected random source, so a seed reproduces a whole batch.
 */

/** A JSON value as the plan holds it; `{ $number: '…' }` is a number written exactly so (big, float). */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | { $number: string }
  | JsonValue[]
  | { $object: Array<[string, JsonValue]> };

export const jsonObject = (members: Array<[string, JsonValue]>): JsonValue => ({ $object: members });

/** How the JSON text is written: every style is valid JSON for the same value. */
export interface JsonStyle {
  /** Spaces after ':' and ','. */
  spaced: boolean;
  /** Non-ASCII characters as \uXXXX escapes (else raw UTF-8). */
  asciiOnly: boolean;
  /** '/' written as '\/'. */
  escapeSlash: boolean;
}

export const PLAIN_STYLE: JsonStyle = { spaced: false, asciiOnly: false, escapeSlash: false };

export type SigningHash = 'sha256' | 'sha384' | 'sha512' | 'sha1' | 'md5';

/** What was done to the signature or the token after signing. */
export type Tampering =
  | 'swap-case'
  | 'add-padding'
  | 'add-space'
  | 'trailing-bits'
  | 'truncate'
  | 'flip-bit'
  | 'standard-alphabet'
  | 'extra-segment'
  | 'drop-signature'
  | 'non-ascii'
  | 'edit-payload'
  | 'edit-exp';

export interface TokenPlan {
  /** The secret handed to the learner's function. */
  secret: Uint8Array;
  header: JsonValue;
  payload: JsonValue;
  style: JsonStyle;
  /** The HMAC's hash, and over what it is computed. */
  sign: { hash: SigningHash; over: 'header.payload' | 'payload'; key: 'secret' | 'other' };
  tamper?: Tampering;
  /** For edit-payload / edit-exp: the payload written after signing. */
  edited?: JsonValue;
}

const HASHES = { sha256, sha384, sha512, sha1, md5 } as const;

/** Renders a JSON value as text in a style (the text the token carries). */
export function renderJson(value: JsonValue, style: JsonStyle = PLAIN_STYLE): string {
  const colon = style.spaced ? ': ' : ':';
  const comma = style.spaced ? ', ' : ',';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : JSON.stringify(value);
  if (typeof value === 'string') return renderString(value, style);
  if (Array.isArray(value)) return `[${value.map((item) => renderJson(item, style)).join(comma)}]`;
  if ('$number' in value) return value.$number;
  return `{${value.$object.map(([key, item]) => `${renderString(key, style)}${colon}${renderJson(item, style)}`).join(comma)}}`;
}

function renderString(text: string, style: JsonStyle): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '/' && style.escapeSlash) out += '\\/';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code > 0x7e && style.asciiOnly) {
      for (let index = 0; index < char.length; index++) {
        out += `\\u${char.charCodeAt(index).toString(16).padStart(4, '0')}`;
      }
    } else out += char;
  }
  return `${out}"`;
}

function hmacOf(hash: SigningHash, key: Uint8Array, text: string): Uint8Array {
  return nobleHmac(HASHES[hash], key, utf8Encode(text));
}

/** The secret used for "signed with another secret": derived, so the plan stays data. */
const otherSecret = (secret: Uint8Array) => Uint8Array.from([...secret, 0x2a].reverse());

export interface RenderedToken {
  token: string;
  /** The segments as signed (before tampering). */
  headerSegment: string;
  payloadSegment: string;
  /** The base64url HMAC-SHA256 of `header.payload` with the secret: what an HS256 verifier computes. */
  hs256Signature: string;
}

/** The token text of a plan. */
export function renderPlan(plan: TokenPlan): RenderedToken {
  const headerSegment = base64urlEncode(utf8Encode(renderJson(plan.header, plan.style)));
  const payloadSegment = base64urlEncode(utf8Encode(renderJson(plan.payload, plan.style)));
  const signingInput = `${headerSegment}.${payloadSegment}`;
  const key = plan.sign.key === 'secret' ? plan.secret : otherSecret(plan.secret);
  const signature = base64urlEncode(
    hmacOf(plan.sign.hash, key, plan.sign.over === 'payload' ? payloadSegment : signingInput),
  );
  const hs256Signature = base64urlEncode(hmacOf('sha256', plan.secret, signingInput));
  let token = `${signingInput}.${signature}`;
  switch (plan.tamper) {
    case undefined:
      break;
    case 'swap-case':
      token = `${signingInput}.${swapCase(signature)}`;
      break;
    case 'add-padding':
      token = `${token}${'='.repeat(Math.max(1, (4 - (signature.length % 4)) % 4))}`;
      break;
    case 'add-space':
      token = `${signingInput}.${signature.slice(0, 10)} ${signature.slice(10)}`;
      break;
    case 'trailing-bits':
      token = `${signingInput}.${withTrailingBits(signature)}`;
      break;
    case 'truncate':
      token = `${signingInput}.${signature.slice(0, -4)}`;
      break;
    case 'flip-bit': {
      const bytes = hmacOf(plan.sign.hash, key, signingInput);
      bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0x10;
      token = `${signingInput}.${base64urlEncode(bytes)}`;
      break;
    }
    case 'standard-alphabet':
      token = `${signingInput}.${signature.replace(/-/g, '+').replace(/_/g, '/')}${'='.repeat((4 - (signature.length % 4)) % 4)}`;
      break;
    case 'extra-segment':
      token = `${token}.${signature.slice(0, 8)}`;
      break;
    case 'drop-signature':
      token = signingInput;
      break;
    case 'non-ascii':
      token = `${headerSegment}.${payloadSegment.slice(0, 6)}é${payloadSegment.slice(6)}.${signature}`;
      break;
    case 'edit-payload':
    case 'edit-exp':
      token = `${headerSegment}.${base64urlEncode(utf8Encode(renderJson(plan.edited ?? null, plan.style)))}.${signature}`;
      break;
  }
  return { token, headerSegment, payloadSegment, hs256Signature };
}

/** Swaps the case of every letter; a signature with no letter is left with its first digit changed. */
function swapCase(text: string): string {
  const swapped = text.replace(/[a-zA-Z]/g, (char) =>
    char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase(),
  );
  return swapped === text ? `${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}` : swapped;
}

/**
 * The same bytes written with non-zero unused bits in the last character
 * (only possible when the length is not a multiple of 4).
 */
function withTrailingBits(signature: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = alphabet.indexOf(signature.at(-1) ?? 'A');
  const spare = signature.length % 4 === 2 ? 0b1111 : signature.length % 4 === 3 ? 0b11 : 0;
  if (spare === 0) return signature;
  return `${signature.slice(0, -1)}${alphabet[last | 1]}`;
}

/** Whether a tampering leaves a signature that decodes to the same bytes (a different spelling, not a forgery). */
export const SAME_BYTES_TAMPERING: ReadonlySet<Tampering> = new Set(['trailing-bits']);

// ------------------------------------------------------------------ drawing

export const pick = <T>(random: RandomSource, items: readonly T[]): T => items[random.int(items.length)] as T;

const NAMES = ['alice', 'bob', 'carol', 'dara', 'emeka', 'farah', 'gus', 'hana'];
const TEXTS = [
  'reader',
  'editor',
  'a/b',
  'café',
  'naïve',
  'Ωmega',
  '東京',
  'emoji 🙂',
  'quote " mark',
  'back\\slash',
  'tab\there',
];
const KEYS = ['role', 'name', 'team', 'scope', 'jti', 'iss', 'aud', 'n', 'flags', 'meta', 'note', 'ünï'];

/** A JSON value drawn for a claim: strings (some non-ASCII), numbers of every kind, booleans, null, nesting. */
export function drawValue(random: RandomSource, depth = 0): JsonValue {
  const kind = random.int(depth > 1 ? 7 : 9);
  switch (kind) {
    case 0:
      return pick(random, TEXTS);
    case 1:
      return random.int(2_000_000) - 1_000_000;
    case 2:
      return pick(random, [{ $number: '12345678901234567890' }, { $number: '-9007199254740993' }, { $number: '1e21' }]);
    case 3:
      return pick(random, [{ $number: '0.5' }, { $number: '-2.25' }, { $number: '3.0' }, { $number: '1.5e-7' }]);
    case 4:
      return random.int(2) === 0;
    case 5:
      return null;
    case 6:
      return `${pick(random, NAMES)}-${random.int(1000)}`;
    case 7:
      return [drawValue(random, depth + 1), drawValue(random, depth + 1)];
    default:
      return jsonObject([[pick(random, KEYS), drawValue(random, depth + 1)]]);
  }
}

/** A payload object: a `sub` and a few other claims, keys unique. */
export function drawClaims(random: RandomSource, extra = 1 + random.int(4)): Array<[string, JsonValue]> {
  const members: Array<[string, JsonValue]> = [['sub', `${pick(random, NAMES)}${random.int(10_000)}`]];
  for (let index = 0; index < extra; index++) {
    const key = pick(random, KEYS);
    if (!members.some(([existing]) => existing === key)) members.push([key, drawValue(random)]);
  }
  if (random.int(2) === 0) members.reverse();
  return members;
}

export function drawStyle(random: RandomSource): JsonStyle {
  return { spaced: random.int(2) === 0, asciiOnly: random.int(2) === 0, escapeSlash: random.int(3) === 0 };
}

/** A secret of 1 to 128 bytes, short ones more often. */
export function drawSecret(random: RandomSource): Uint8Array {
  const length = pick(random, [1, 3, 8, 16, 31, 32, 33, 64, 100, 128, 1 + random.int(128)]);
  return random.bytes(length);
}

export const HS256_HEADER = jsonObject([
  ['alg', 'HS256'],
  ['typ', 'JWT'],
]);

// ------------------------------------------------------------------ describing

/** Python's repr of bytes: b'…', as the learner would see the secret printed. */
export function pythonBytesRepr(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x27) out += "\\'";
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x09) out += '\\t';
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `b'${out}'`;
}

const TAMPER_WORDS: Record<Tampering, string> = {
  'swap-case': 'then the case of every letter of the signature was swapped',
  'add-padding': 'then base64 "=" padding was added to the signature',
  'add-space': 'then a space was put inside the signature',
  'trailing-bits': "then the signature's last character was changed in bits that base64url ignores (same bytes)",
  truncate: 'then the signature was cut short by 4 characters',
  'flip-bit': 'then one bit of the signature was flipped',
  'standard-alphabet': 'then the signature was rewritten in standard base64 (+, / and = padding)',
  'extra-segment': 'then a fourth segment was added after another dot',
  'drop-signature': 'then the signature segment was left off',
  'non-ascii': 'then a non-ASCII character (é) was put inside the payload segment',
  'edit-payload': 'then the payload was replaced without re-signing',
  'edit-exp': 'then its exp was changed without re-signing',
};

/** The token of a plan in the learner's terms: its parts as JSON, how it was signed, what was done to it. */
export interface TokenExplanation {
  token: string;
  header: string;
  payload: string;
  secret: string;
  how: string;
}

export function explainPlan(plan: TokenPlan): TokenExplanation {
  const hashName = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512', sha1: 'SHA-1', md5: 'MD5' }[
    plan.sign.hash
  ];
  const over = plan.sign.over === 'payload' ? 'the payload segment alone' : 'header.payload';
  const key = plan.sign.key === 'secret' ? 'the secret' : 'a different secret';
  const parts = [`signed with HMAC-${hashName} over ${over} with ${key}`];
  if (plan.tamper) parts.push(TAMPER_WORDS[plan.tamper]);
  const payload = plan.tamper === 'edit-payload' || plan.tamper === 'edit-exp' ? plan.edited : plan.payload;
  return {
    token: renderPlan(plan).token,
    header: renderJson(plan.header, plan.style),
    payload: renderJson(payload ?? null, plan.style),
    secret: pythonBytesRepr(plan.secret),
    how: parts.join(', '),
  };
}

// ------------------------------------------------------------------ shrinking

function simplerValues(value: JsonValue): JsonValue[] {
  if (typeof value === 'string') return value.length > 1 ? ['a'] : [];
  if (typeof value === 'number') return value === 0 ? [] : [0];
  if (value === null || typeof value === 'boolean') return [];
  if (Array.isArray(value)) return value.length > 0 ? [[]] : [];
  if ('$number' in value) return [0];
  return value.$object.length > 0 ? [jsonObject([])] : [];
}

/**
 * Simpler plans of the same kind, simplest first: a one-byte secret, plain
 * JSON, fewer members (never `alg` or `exp`, which the kind may hinge on),
 * simpler values. The caller keeps the first that still fails the same way.
 */
export function shrinkPlan(plan: TokenPlan, keep: ReadonlySet<string> = new Set(['alg', 'exp'])): TokenPlan[] {
  const out: TokenPlan[] = [];
  if (plan.secret.length > 1) out.push({ ...plan, secret: plan.secret.slice(0, 1) });
  if (plan.style.spaced || plan.style.asciiOnly || plan.style.escapeSlash) out.push({ ...plan, style: PLAIN_STYLE });
  for (const part of ['payload', 'header', 'edited'] as const) {
    const value = plan[part];
    if (!value || typeof value !== 'object' || Array.isArray(value) || !('$object' in value)) continue;
    const members = value.$object;
    members.forEach(([key, item], index) => {
      if (keep.has(key)) return;
      out.push({ ...plan, [part]: jsonObject(members.filter((_, other) => other !== index)) });
      for (const simpler of simplerValues(item)) {
        out.push({
          ...plan,
          [part]: jsonObject(members.map((member, other) => (other === index ? [key, simpler] : member))),
        });
      }
    });
  }
  return out;
}

/** A rough size, so shrinking can prefer the smallest failing plan. */
export const planSize = (plan: TokenPlan) => renderPlan(plan).token.length + plan.secret.length;

/** A plan's JSON value as a plain JavaScript value (exact numbers become JS numbers). */
export function plainJson(value: JsonValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plainJson);
  if ('$number' in value) return Number(value.$number);
  return Object.fromEntries(value.$object.map(([key, item]) => [key, plainJson(item)]));
}
