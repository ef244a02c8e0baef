/**
 * Strict base64url (RFC 4648 §5) without padding, as JWTs use it: only
 * `A–Z a–z 0–9 - _`, no `=`, and no length that cannot come from whole bytes.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Int16Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index++) VALUE_OF[ALPHABET.charCodeAt(index)] = index;

/** Why a string is not valid base64url, or undefined when it is. */
export function base64urlProblem(text: string): string | undefined {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 128 || VALUE_OF[code] === -1) {
      const whole = String.fromCodePoint(text.codePointAt(index) ?? code);
      const char = whole === '=' ? '"=" (padding is not used in JWTs)' : JSON.stringify(whole);
      return `character ${char} at position ${index + 1} is not base64url`;
    }
  }
  if (text.length % 4 === 1) return `length ${text.length} cannot come from whole bytes`;
  // The last character may only carry bits that belong to whole bytes.
  const last = VALUE_OF[text.charCodeAt(text.length - 1)] ?? 0;
  if ((text.length % 4 === 2 && (last & 0b1111) !== 0) || (text.length % 4 === 3 && (last & 0b11) !== 0)) {
    return 'the last character has stray bits (not a canonical encoding)';
  }
  return undefined;
}

/** Decodes strict base64url; throws a plain Error naming the problem. */
export function base64urlDecode(text: string): Uint8Array {
  const problem = base64urlProblem(text);
  if (problem) throw new Error(problem);
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let out = 0;
  for (let index = 0; index < text.length; index++) {
    buffer = (buffer << 6) | (VALUE_OF[text.charCodeAt(index)] ?? 0);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

export function base64urlEncode(bytes: Uint8Array): string {
  let text = '';
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const chunk = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    text += `${ALPHABET[chunk >> 18]}${ALPHABET[(chunk >> 12) & 63]}${ALPHABET[(chunk >> 6) & 63]}${ALPHABET[chunk & 63]}`;
  }
  const rest = bytes.length - index;
  if (rest === 1) {
    const chunk = (bytes[index] ?? 0) << 16;
    text += `${ALPHABET[chunk >> 18]}${ALPHABET[(chunk >> 12) & 63]}`;
  } else if (rest === 2) {
    const chunk = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8);
    text += `${ALPHABET[chunk >> 18]}${ALPHABET[(chunk >> 12) & 63]}${ALPHABET[(chunk >> 6) & 63]}`;
  }
  return text;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8Encode = (text: string): Uint8Array => encoder.encode(text);
/** Decodes UTF-8, throwing on invalid byte sequences (as Python's json.loads on bytes does). */
export const utf8Decode = (bytes: Uint8Array): string => decoder.decode(bytes);

export const base64urlEncodeText = (text: string): string => base64urlEncode(utf8Encode(text));
