import { InvalidInputError } from './errors';

/**
 * JSON exactly as Python's `json.dumps(value, separators=(",", ":"))` writes
 * it (what PyJWT signs): compact, non-ASCII escaped as `\uXXXX` (ensure_ascii),
 * floats in Python's repr. With `sortKeys`, object keys sorted as Python sorts
 * them (by code point), as PyJWT does for headers.
 *
 * @example pythonJsonDumps({ b: 'é', a: 1e-5 }, { sortKeys: true }) // '{"a":1e-05,"b":"\u00e9"}'
 */
export function pythonJsonDumps(value: unknown, options: { sortKeys?: boolean } = {}): string {
  const seen = new Set<object>();
  const write = (item: unknown): string => {
    if (item === null) return 'null';
    switch (typeof item) {
      case 'boolean':
        return item ? 'true' : 'false';
      case 'number':
        return pythonNumber(item);
      case 'string':
        return pythonString(item);
      case 'object': {
        if (seen.has(item)) throw new InvalidInputError('Circular reference detected');
        seen.add(item);
        let text: string;
        if (Array.isArray(item)) {
          text = `[${item.map(write).join(',')}]`;
        } else {
          const keys = Object.keys(item);
          if (options.sortKeys) keys.sort(compareCodePoints);
          const record = item as Record<string, unknown>;
          text = `{${keys
            .filter((key) => record[key] !== undefined)
            .map((key) => `${pythonString(key)}:${write(record[key])}`)
            .join(',')}}`;
        }
        seen.delete(item);
        return text;
      }
      default:
        throw new InvalidInputError(`Object of type ${typeof item} is not JSON serializable`);
    }
  };
  return write(value);
}

/** Python's `sorted()` order for strings: by code point, not by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const difference = (left[index]?.codePointAt(0) ?? 0) - (right[index]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

function pythonString(text: string): string {
  // JSON.stringify escapes quotes, backslashes and control characters as Python does;
  // Python (ensure_ascii) also escapes every UTF-16 unit outside space..tilde.
  return JSON.stringify(text).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A number as Python's json module writes a float (or an int, for integral values). */
function pythonNumber(value: number): string {
  if (!Number.isFinite(value)) {
    // Python writes NaN/Infinity (not JSON); no JWT library reads them back.
    throw new InvalidInputError(`Out of range float values are not JSON compliant: ${value}`);
  }
  // JS has one number type: integral values are written as Python ints (String() has
  // no exponent below 1e21, and gives the shortest digits beyond 2**53, as JSON.parse read them).
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return Object.is(value, -0) ? '0' : String(value);
  // Shortest round-trip digits and exponent, as both languages compute them.
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let text: string;
  if (exponent >= -4 && exponent < 16) {
    if (exponent >= 0) {
      const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
      const fraction = digits.slice(exponent + 1);
      text = `${whole}.${fraction || '0'}`;
    } else {
      text = `0.${'0'.repeat(-exponent - 1)}${digits}`;
    }
  } else {
    const fraction = digits.slice(1);
    const sign = exponent < 0 ? '-' : '+';
    text = `${digits[0]}${fraction ? `.${fraction}` : ''}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return negative ? `-${text}` : text;
}
