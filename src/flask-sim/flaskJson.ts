import { compareCodePoints, pythonJsonDumps, pythonJsonLoadsBytes, utf8Encode } from '../jwt';
import { JsonSerializationError } from './errors';

export interface FlaskJsonOptions {
  /**
   * Flask's response form (`jsonify`): separators `,` and `:`. Otherwise
   * Python's default `, ` and `: `, which `app.json.dumps` (and so the test
   * client's `json=`) uses.
   */
  compact?: boolean;
}

/**
 * JSON as Flask's default provider writes it: keys sorted by code point,
 * non-ASCII escaped (ensure_ascii), floats in Python's repr, NaN and
 * Infinity written bare as Python allows, dates as HTTP dates.
 *
 * @example flaskJsonDumps({ msg: 'é', a: 1 }) // '{"a":1,"msg":"\u00e9"}'
 * @example flaskJsonDumps({ b: 1, a: [1, 2] }, { compact: false }) // '{"a": [1, 2], "b": 1}'
 */
export function flaskJsonDumps(value: unknown, options: FlaskJsonOptions = {}): string {
  const compact = options.compact ?? true;
  const itemSeparator = compact ? ',' : ', ';
  const keySeparator = compact ? ':' : ': ';
  const seen = new Set<object>();

  const write = (item: unknown): string => {
    switch (typeof item) {
      case 'undefined':
        return 'null';
      case 'boolean':
        return item ? 'true' : 'false';
      case 'number':
        if (Number.isNaN(item)) return 'NaN';
        if (!Number.isFinite(item)) return item > 0 ? 'Infinity' : '-Infinity';
        return pythonJsonDumps(item);
      case 'bigint':
        return item.toString();
      case 'string':
        return pythonJsonDumps(item);
      case 'object': {
        if (item === null) return 'null';
        // Flask's provider writes dates with http_date(), which toUTCString() matches.
        if (item instanceof Date) return pythonJsonDumps(item.toUTCString());
        if (seen.has(item)) throw new JsonSerializationError('Circular reference detected', 'ValueError');
        const isArray = Array.isArray(item);
        const prototype = Object.getPrototypeOf(item);
        if (!isArray && prototype !== Object.prototype && prototype !== null) {
          throw new JsonSerializationError(`Object of type ${constructorName(item)} is not JSON serializable`);
        }
        seen.add(item);
        let text: string;
        if (isArray) {
          text = `[${item.map(write).join(itemSeparator)}]`;
        } else {
          const record = item as Record<string, unknown>;
          const keys = Object.keys(record)
            .filter((key) => record[key] !== undefined)
            .sort(compareCodePoints);
          text = `{${keys.map((key) => `${pythonJsonDumps(key)}${keySeparator}${write(record[key])}`).join(itemSeparator)}}`;
        }
        seen.delete(item);
        return text;
      }
      default:
        throw new JsonSerializationError(`Object of type ${typeof item} is not JSON serializable`);
    }
  };
  return write(value);
}

function constructorName(item: object): string {
  const name = (item as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? name : 'object';
}

/**
 * A request body read as Flask's `get_json()` reads it: `json.loads` on the body's UTF-8
 * bytes, with Python's json module's acceptance (a leading byte-order mark dropped, as
 * Python detects `utf-8-sig`; the bare `NaN`, `Infinity` and `-Infinity`; the last of a
 * repeated key) and its exceptions: PythonJsonError named JSONDecodeError (or another
 * ValueError), or RecursionError, which Flask does not catch.
 *
 * @example flaskJsonLoads('\ufeff{"n": NaN}') // { n: NaN }
 */
export function flaskJsonLoads(text: string): unknown {
  return pythonJsonLoadsBytes(utf8Encode(text));
}
