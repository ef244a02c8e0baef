import { errorMessage } from '../lib/errorMessage';
import { codePointsToString, decodeJsonBytes } from './pythonCodecs';

/**
 * `json.loads` of CPython 3.11 (its C scanner, Modules/_json.c), in TypeScript:
 * what it accepts (NaN, Infinity, -Infinity; duplicate keys, the last wins;
 * lone surrogates from `\ud800` escapes) and, word for word, how it refuses the
 * rest: `Expecting value: line 1 column 1 (char 0)`. Positions count code
 * points, as Python indexes a `str`.
 *
 * Python 3.13 and later word one refusal otherwise: a comma before `}` or `]`
 * is an `Illegal trailing comma before end of object` (or `array`), at the
 * comma. `python: '3.13'` says that; the default is 3.11's wording, that of the
 * reference PyJWT / Flask the engine imitates.
 */
export interface PythonJsonOptions {
  /** Whose wording for a trailing comma: 3.11 (the default) or 3.13 and later. */
  python?: '3.11' | '3.13';
  /**
   * Integers beyond 2**53 as BigInt (exact, as Python's int), instead of the nearest
   * number. Off by default: the engine compares claims as numbers.
   */
  bigInts?: boolean;
  /**
   * How deep arrays and objects may nest before Python's RecursionError. CPython 3.11
   * counts Python frames too, so the exact depth depends on the caller: 990 is the deepest
   * `jwt.decode` reads when called from a short script (the default), 975 inside a
   * Flask-JWT-Extended view run by Flask's test client, 994 for a bare `json.loads`.
   */
  maxDepth?: number;
}

export type PythonErrorType = 'JSONDecodeError' | 'UnicodeDecodeError' | 'ValueError' | 'RecursionError';

/** An exception `json.loads` raises: its Python class and `str(exception)` as the message. */
export class PythonJsonError extends Error {
  override name: PythonErrorType;
  constructor(type: PythonErrorType, message: string) {
    super(message);
    this.name = type;
  }
}

/**
 * `json.loads(text)` on a str: a leading BOM is refused, as Python does.
 *
 * @example pythonJsonLoads('{"a": NaN}') // { a: NaN }
 * @example pythonJsonLoads('nope') // throws "Expecting value: line 1 column 1 (char 0)"
 */
export function pythonJsonLoads(text: string, options: PythonJsonOptions = {}): unknown {
  const doc = codePointsOf(text);
  if (doc[0] === 0xfeff) throw decodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', doc, 0);
  return parseDocument(doc, options);
}

/**
 * `json.loads(data)` on bytes, as PyJWT reads a header or payload and Flask a request
 * body: the encoding detected (UTF-8, a UTF-8 BOM dropped, UTF-16, UTF-32), decoded
 * with surrogatepass, then read. A decoding failure is Python's UnicodeDecodeError.
 */
export function pythonJsonLoadsBytes(bytes: Uint8Array, options: PythonJsonOptions = {}): unknown {
  let doc: number[];
  try {
    doc = decodeJsonBytes(bytes);
  } catch (error) {
    throw new PythonJsonError('UnicodeDecodeError', errorMessage(error));
  }
  return parseDocument(doc, options);
}

/** A JS string as Python's str would hold it: one entry per code point (lone surrogates alone). */
function codePointsOf(text: string): number[] {
  const out: number[] = [];
  for (const char of text) out.push(char.codePointAt(0) ?? 0);
  return out;
}

const NEWLINE = 0x0a;

function decodeError(message: string, doc: readonly number[], pos: number): PythonJsonError {
  // JSONDecodeError: lineno = doc.count('\n', 0, pos) + 1; colno = pos - doc.rfind('\n', 0, pos).
  let line = 1;
  let lastNewline = -1;
  for (let index = 0; index < pos && index < doc.length; index++) {
    if (doc[index] === NEWLINE) {
      line++;
      lastNewline = index;
    }
  }
  return new PythonJsonError('JSONDecodeError', `${message}: line ${line} column ${pos - lastNewline} (char ${pos})`);
}

/** StopIteration(idx) of the C scanner: the decoder turns it into "Expecting value" at idx. */
class StopIteration {
  constructor(readonly index: number) {}
}

const isWhitespace = (code: number | undefined) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
const isDigit = (code: number | undefined) => code !== undefined && code >= 0x30 && code <= 0x39;
const MAX_INT_DIGITS = 4300;

function parseDocument(doc: readonly number[], options: PythonJsonOptions): unknown {
  const trailingComma = options.python === '3.13';
  const maxDepth = options.maxDepth ?? 990;
  const length = doc.length;
  const endIndex = length - 1;
  let depth = 0;

  const skipWhitespace = (index: number) => {
    let at = index;
    while (at < length && isWhitespace(doc[at])) at++;
    return at;
  };
  const matches = (index: number, word: string) => {
    for (let offset = 0; offset < word.length; offset++) {
      if (doc[index + offset] !== word.charCodeAt(offset)) return false;
    }
    return true;
  };

  /** scanstring_unicode: `end` is just after the opening quote; returns [value, index after the closing quote]. */
  const scanString = (start: number): [string, number] => {
    const begin = start - 1;
    let end = start;
    let chunks = '';
    for (;;) {
      let next = end;
      let c = 0;
      for (; next < length; next++) {
        c = doc[next] ?? 0;
        if (c === 0x22 || c === 0x5c) break;
        if (c <= 0x1f) throw decodeError('Invalid control character at', doc, next);
      }
      if (next >= length || (c !== 0x22 && c !== 0x5c))
        throw decodeError('Unterminated string starting at', doc, begin);
      if (next !== end) chunks += codePointsToString(doc, end, next);
      if (c === 0x22) return [chunks, next + 1];
      next++; // the backslash
      if (next === length) throw decodeError('Unterminated string starting at', doc, begin);
      c = doc[next] ?? 0;
      if (c !== 0x75) {
        end = next + 1;
        const escaped = SIMPLE_ESCAPES[c];
        if (escaped === undefined) throw decodeError('Invalid \\escape', doc, end - 2);
        chunks += escaped;
        continue;
      }
      next++;
      end = next + 4;
      if (end >= length) throw decodeError('Invalid \\uXXXX escape', doc, next - 1);
      let code = readHex(doc, next);
      if (code === undefined) throw decodeError('Invalid \\uXXXX escape', doc, end - 5);
      next = end;
      // A high surrogate followed by \uXXXX: joined when that is a low surrogate.
      if (code >= 0xd800 && code <= 0xdbff && end + 6 < length && doc[next] === 0x5c && doc[next + 1] === 0x75) {
        const low = readHex(doc, next + 2);
        if (low === undefined) throw decodeError('Invalid \\uXXXX escape', doc, end + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          end += 6;
        }
      }
      chunks += String.fromCodePoint(code);
    }
  };

  const matchNumber = (start: number): [unknown, number] => {
    let idx = start;
    if (doc[idx] === 0x2d) {
      idx++;
      if (idx > endIndex) throw new StopIteration(start);
    }
    const first = doc[idx] ?? 0;
    if (first >= 0x31 && first <= 0x39) {
      idx++;
      while (idx <= endIndex && isDigit(doc[idx])) idx++;
    } else if (first === 0x30) {
      idx++;
    } else {
      throw new StopIteration(start);
    }
    let isFloat = false;
    if (idx < endIndex && doc[idx] === 0x2e && isDigit(doc[idx + 1])) {
      isFloat = true;
      idx += 2;
      while (idx <= endIndex && isDigit(doc[idx])) idx++;
    }
    if (idx < endIndex && (doc[idx] === 0x65 || doc[idx] === 0x45)) {
      const exponentStart = idx;
      idx++;
      if (idx < endIndex && (doc[idx] === 0x2d || doc[idx] === 0x2b)) idx++;
      while (idx <= endIndex && isDigit(doc[idx])) idx++;
      if (isDigit(doc[idx - 1])) isFloat = true;
      else idx = exponentStart;
    }
    const text = codePointsToString(doc, start, idx);
    if (isFloat) return [Number(text), idx];
    const digits = text.startsWith('-') ? text.length - 1 : text.length;
    if (digits > MAX_INT_DIGITS) {
      throw new PythonJsonError(
        'ValueError',
        `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
      );
    }
    const value = Number(text);
    if (options.bigInts && !Number.isSafeInteger(value)) return [BigInt(text), idx];
    return [value === 0 ? 0 : value, idx]; // Python's int has no -0
  };

  const enter = (what: 'object' | 'array') => {
    if (++depth > maxDepth) {
      throw new PythonJsonError(
        'RecursionError',
        `maximum recursion depth exceeded while decoding a JSON ${what} from a unicode string`,
      );
    }
  };

  const parseObject = (start: number): [Record<string, unknown>, number] => {
    const result: Record<string, unknown> = {};
    let idx = skipWhitespace(start);
    if (idx > endIndex || doc[idx] !== 0x7d) {
      for (;;) {
        if (idx > endIndex || doc[idx] !== 0x22) {
          throw decodeError('Expecting property name enclosed in double quotes', doc, idx);
        }
        const [key, afterKey] = scanString(idx + 1);
        idx = skipWhitespace(afterKey);
        if (idx > endIndex || doc[idx] !== 0x3a) throw decodeError("Expecting ':' delimiter", doc, idx);
        idx = skipWhitespace(idx + 1);
        const [value, afterValue] = scanOnce(idx);
        // defineProperty: "__proto__" is a key like any other, and a repeated key keeps its place.
        Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
        idx = skipWhitespace(afterValue);
        if (idx <= endIndex && doc[idx] === 0x7d) break;
        if (idx > endIndex || doc[idx] !== 0x2c) throw decodeError("Expecting ',' delimiter", doc, idx);
        const comma = idx;
        idx = skipWhitespace(idx + 1);
        if (trailingComma && doc[idx] === 0x7d) {
          throw decodeError('Illegal trailing comma before end of object', doc, comma);
        }
      }
    }
    return [result, idx + 1];
  };

  const parseArray = (start: number): [unknown[], number] => {
    const result: unknown[] = [];
    let idx = skipWhitespace(start);
    if (idx > endIndex || doc[idx] !== 0x5d) {
      for (;;) {
        const [value, afterValue] = scanOnce(idx);
        result.push(value);
        idx = skipWhitespace(afterValue);
        if (idx <= endIndex && doc[idx] === 0x5d) break;
        if (idx > endIndex || doc[idx] !== 0x2c) throw decodeError("Expecting ',' delimiter", doc, idx);
        const comma = idx;
        idx = skipWhitespace(idx + 1);
        if (trailingComma && doc[idx] === 0x5d) {
          throw decodeError('Illegal trailing comma before end of array', doc, comma);
        }
      }
    }
    return [result, idx + 1];
  };

  const scanOnce = (idx: number): [unknown, number] => {
    if (idx >= length) throw new StopIteration(idx);
    switch (doc[idx]) {
      case 0x22:
        return scanString(idx + 1);
      case 0x7b: {
        enter('object');
        const parsed = parseObject(idx + 1);
        depth--;
        return parsed;
      }
      case 0x5b: {
        enter('array');
        const parsed = parseArray(idx + 1);
        depth--;
        return parsed;
      }
      case 0x6e:
        if (idx + 3 < length && matches(idx, 'null')) return [null, idx + 4];
        break;
      case 0x74:
        if (idx + 3 < length && matches(idx, 'true')) return [true, idx + 4];
        break;
      case 0x66:
        if (idx + 4 < length && matches(idx, 'false')) return [false, idx + 5];
        break;
      case 0x4e:
        if (idx + 2 < length && matches(idx, 'NaN')) return [Number.NaN, idx + 3];
        break;
      case 0x49:
        if (idx + 7 < length && matches(idx, 'Infinity')) return [Number.POSITIVE_INFINITY, idx + 8];
        break;
      case 0x2d:
        if (idx + 8 < length && matches(idx, '-Infinity')) return [Number.NEGATIVE_INFINITY, idx + 9];
        break;
    }
    return matchNumber(idx);
  };

  // JSONDecoder.decode: whitespace, one value, whitespace, then nothing else.
  let value: unknown;
  let end: number;
  try {
    [value, end] = scanOnce(skipWhitespace(0));
  } catch (error) {
    if (error instanceof StopIteration) throw decodeError('Expecting value', doc, error.index);
    throw error;
  }
  end = skipWhitespace(end);
  if (end !== length) throw decodeError('Extra data', doc, end);
  return value;
}

const SIMPLE_ESCAPES: Readonly<Record<number, string>> = {
  34: '"',
  92: '\\',
  47: '/',
  98: '\b',
  102: '\f',
  110: '\n',
  114: '\r',
  116: '\t',
};

function readHex(doc: readonly number[], at: number): number | undefined {
  let code = 0;
  for (let offset = 0; offset < 4; offset++) {
    const digit = doc[at + offset] ?? 0;
    let value: number;
    if (digit >= 0x30 && digit <= 0x39) value = digit - 0x30;
    else if (digit >= 0x61 && digit <= 0x66) value = digit - 0x61 + 10;
    else if (digit >= 0x41 && digit <= 0x46) value = digit - 0x41 + 10;
    else return undefined;
    code = (code << 4) | value;
  }
  return code;
}
