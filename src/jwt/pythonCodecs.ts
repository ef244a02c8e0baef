/**
 * Bytes to text as Python's `json.loads(bytes)` turns them into a `str`:
 * `json.detect_encoding` picks UTF-8, UTF-8 with a BOM, UTF-16 or UTF-32
 * (from a BOM or from where the zero bytes are), then `bytes.decode(encoding,
 * "surrogatepass")`, so encoded lone surrogates (`ED A0 80`) pass. The text is
 * returned as code points, as Python indexes a `str` (a lone surrogate is one
 * code point, a pair of them two). Errors carry CPython's exact message.
 */

/** Python's `UnicodeDecodeError`, with the text `str(error)` gives. */
export class PythonUnicodeDecodeError extends Error {
  override name = 'UnicodeDecodeError';
  constructor(encoding: string, bytes: Uint8Array, start: number, end: number, reason: string) {
    super(
      end === start + 1 && start < bytes.length
        ? `'${encoding}' codec can't decode byte 0x${(bytes[start] ?? 0).toString(16).padStart(2, '0')} in position ${start}: ${reason}`
        : `'${encoding}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`,
    );
  }
}

export type PythonJsonEncoding =
  | 'utf-8'
  | 'utf-8-sig'
  | 'utf-16'
  | 'utf-16-be'
  | 'utf-16-le'
  | 'utf-32'
  | 'utf-32-be'
  | 'utf-32-le';

/** `json.detect_encoding(b)` of CPython 3.11 (unchanged since 3.6). */
export function detectJsonEncoding(bytes: Uint8Array): PythonJsonEncoding {
  const [b0, b1, b2, b3] = bytes;
  const startsWith = (...prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
  if (startsWith(0x00, 0x00, 0xfe, 0xff) || startsWith(0xff, 0xfe, 0x00, 0x00)) return 'utf-32';
  if (startsWith(0xfe, 0xff) || startsWith(0xff, 0xfe)) return 'utf-16';
  if (startsWith(0xef, 0xbb, 0xbf)) return 'utf-8-sig';
  if (bytes.length >= 4) {
    if (!b0) return b1 ? 'utf-16-be' : 'utf-32-be';
    if (!b1) return b2 || b3 ? 'utf-16-le' : 'utf-32-le';
  } else if (bytes.length === 2) {
    if (!b0) return 'utf-16-be';
    if (!b1) return 'utf-16-le';
  }
  return 'utf-8';
}

/** What `json.loads(bytes)` decodes its input to: `b.decode(detect_encoding(b), "surrogatepass")`. */
export function decodeJsonBytes(bytes: Uint8Array): number[] {
  const encoding = detectJsonEncoding(bytes);
  switch (encoding) {
    case 'utf-8':
      return decodeUtf8(bytes);
    case 'utf-8-sig':
      // codecs.utf_8_sig drops the BOM, then decodes the rest (positions count from after it).
      return decodeUtf8(bytes.subarray(3));
    case 'utf-16':
      return decodeUtf16(bytes, bytes[0] === 0xff ? 'le' : 'be', 2);
    case 'utf-16-le':
      return decodeUtf16(bytes, 'le', 0);
    case 'utf-16-be':
      return decodeUtf16(bytes, 'be', 0);
    case 'utf-32':
      return decodeUtf32(bytes, bytes[0] === 0xff ? 'le' : 'be', 4);
    case 'utf-32-le':
      return decodeUtf32(bytes, 'le', 0);
    case 'utf-32-be':
      return decodeUtf32(bytes, 'be', 0);
  }
}

const isContinuation = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80;
const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

/** CPython's UTF-8 decoder (Objects/stringlib/codecs.h) with the surrogatepass handler. */
export function decodeUtf8(bytes: Uint8Array): number[] {
  const out: number[] = [];
  const end = bytes.length;
  let s = 0;
  while (s < end) {
    const ch = bytes[s] ?? 0;
    if (ch < 0x80) {
      out.push(ch);
      s++;
      continue;
    }
    // 0 (unexpected end), 1 (invalid start byte) or n+1 (invalid continuation after n bytes); else a code point.
    let error = -1;
    let decoded = 0;
    let length = 0;
    const ch2 = bytes[s + 1];
    const ch3 = bytes[s + 2];
    const ch4 = bytes[s + 3];
    if (ch < 0xc2) {
      error = 1;
    } else if (ch < 0xe0) {
      if (end - s < 2) error = 0;
      else if (!isContinuation(ch2)) error = 2;
      else [decoded, length] = [((ch & 0x1f) << 6) | ((ch2 ?? 0) & 0x3f), 2];
    } else if (ch < 0xf0) {
      const badSecond = !isContinuation(ch2) || ((ch2 ?? 0) < 0xa0 ? ch === 0xe0 : ch === 0xed);
      if (end - s < 3) error = end - s < 2 ? 0 : badSecond ? 2 : 0;
      else if (badSecond) error = 2;
      else if (!isContinuation(ch3)) error = 3;
      else [decoded, length] = [((ch & 0x0f) << 12) | (((ch2 ?? 0) & 0x3f) << 6) | ((ch3 ?? 0) & 0x3f), 3];
    } else if (ch < 0xf5) {
      const badSecond = !isContinuation(ch2) || ((ch2 ?? 0) < 0x90 ? ch === 0xf0 : ch === 0xf4);
      if (end - s < 4) {
        if (end - s < 2) error = 0;
        else if (badSecond) error = 2;
        else if (end - s < 3) error = 0;
        else error = isContinuation(ch3) ? 0 : 3;
      } else if (badSecond) error = 2;
      else if (!isContinuation(ch3)) error = 3;
      else if (!isContinuation(ch4)) error = 4;
      else {
        decoded = ((ch & 0x07) << 18) | (((ch2 ?? 0) & 0x3f) << 12) | (((ch3 ?? 0) & 0x3f) << 6) | ((ch4 ?? 0) & 0x3f);
        length = 4;
      }
    } else {
      error = 1;
    }
    if (error === -1) {
      out.push(decoded);
      s += length;
      continue;
    }
    // surrogatepass: three bytes at the error's start that encode a surrogate are let through.
    if (end - s >= 3 && (ch & 0xf0) === 0xe0 && isContinuation(ch2) && isContinuation(ch3)) {
      const code = ((ch & 0x0f) << 12) | (((ch2 ?? 0) & 0x3f) << 6) | ((ch3 ?? 0) & 0x3f);
      if (isSurrogate(code)) {
        out.push(code);
        s += 3;
        continue;
      }
    }
    if (error === 0) throw new PythonUnicodeDecodeError('utf-8', bytes, s, end, 'unexpected end of data');
    if (error === 1) throw new PythonUnicodeDecodeError('utf-8', bytes, s, s + 1, 'invalid start byte');
    throw new PythonUnicodeDecodeError('utf-8', bytes, s, s + error - 1, 'invalid continuation byte');
  }
  return out;
}

/** CPython's UTF-16 decoder with the surrogatepass handler; `start` skips a BOM. */
function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be', start: number): number[] {
  const encoding = `utf-16-${order}`;
  const unit = (at: number) =>
    order === 'le' ? (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) : ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
  const out: number[] = [];
  const end = bytes.length;
  let q = start;
  while (q < end) {
    if (end - q < 2) throw new PythonUnicodeDecodeError(encoding, bytes, q, end, 'truncated data');
    const ch = unit(q);
    if (!isSurrogate(ch)) {
      out.push(ch);
      q += 2;
      continue;
    }
    if (ch <= 0xdbff && end - q >= 4) {
      const low = unit(q + 2);
      if (low >= 0xdc00 && low <= 0xdfff) {
        out.push(0x10000 + ((ch - 0xd800) << 10) + (low - 0xdc00));
        q += 4;
        continue;
      }
    }
    // A lone surrogate ("illegal encoding", "illegal UTF-16 surrogate" or "unexpected end of
    // data"): surrogatepass lets its two bytes through.
    out.push(ch);
    q += 2;
  }
  return out;
}

/** CPython's UTF-32 decoder with the surrogatepass handler; `start` skips a BOM. */
function decodeUtf32(bytes: Uint8Array, order: 'le' | 'be', start: number): number[] {
  const encoding = `utf-32-${order}`;
  const out: number[] = [];
  const end = bytes.length;
  for (let q = start; q < end; q += 4) {
    if (end - q < 4) throw new PythonUnicodeDecodeError(encoding, bytes, q, end, 'truncated data');
    const [a = 0, b = 0, c = 0, d = 0] = bytes.subarray(q, q + 4);
    const [high, upper, lower, low] = order === 'le' ? [d, c, b, a] : [a, b, c, d];
    const code = high * 0x1000000 + upper * 0x10000 + lower * 0x100 + low;
    if (code >= 0x110000) {
      throw new PythonUnicodeDecodeError(encoding, bytes, q, q + 4, 'code point not in range(0x110000)');
    }
    out.push(code);
  }
  return out;
}

/** A Python str (code points, lone surrogates included) as a JS string. */
export function codePointsToString(codes: readonly number[], start = 0, end = codes.length): string {
  let text = '';
  for (let index = start; index < end; index += 4096) {
    text += String.fromCodePoint(...codes.slice(index, Math.min(end, index + 4096)));
  }
  return text;
}
