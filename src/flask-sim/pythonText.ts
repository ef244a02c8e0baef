/**
 * Python's `str.strip()`, `str.split()` and regex `\s`, which the header
 * parsing of Flask-JWT-Extended relies on. Python's whitespace is not
 * JavaScript's: it includes the separators U+001C..U+001F and U+0085, and
 * excludes U+FEFF, so `trim()` and `/\s/` would disagree on rare headers.
 */
const PYTHON_WHITESPACE_CLASS =
  '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

const WHITESPACE_RUNS = new RegExp(`${PYTHON_WHITESPACE_CLASS}+`);
const LEADING_WHITESPACE = new RegExp(`^${PYTHON_WHITESPACE_CLASS}+`);
const TRAILING_WHITESPACE = new RegExp(`${PYTHON_WHITESPACE_CLASS}+$`);
const COMMA_THEN_WHITESPACE = new RegExp(`,${PYTHON_WHITESPACE_CLASS}*`);

/**
 * Python's `text.strip()` (no argument: whitespace) or `text.strip(chars)`.
 *
 * @example pythonStrip('  ,Bearer x,  ') // ',Bearer x,'
 * @example pythonStrip(',Bearer x,', ',') // 'Bearer x'
 */
export function pythonStrip(text: string, chars?: string): string {
  if (chars === undefined) return text.replace(LEADING_WHITESPACE, '').replace(TRAILING_WHITESPACE, '');
  const set = new Set(chars);
  let start = 0;
  let end = text.length;
  while (start < end && set.has(text.charAt(start))) start++;
  while (end > start && set.has(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

/**
 * Python's `text.split()` without arguments: split on runs of whitespace,
 * ignoring it at both ends, never yielding empty strings.
 *
 * @example pythonSplitWhitespace(' Bearer   abc ') // ['Bearer', 'abc']
 */
export function pythonSplitWhitespace(text: string): string[] {
  const stripped = pythonStrip(text);
  return stripped === '' ? [] : stripped.split(WHITESPACE_RUNS);
}

/** Python's `re.split(r",\s*", text)`: empty fields are kept, as Python keeps them. */
export function pythonSplitOnCommas(text: string): string[] {
  return text.split(COMMA_THEN_WHITESPACE);
}

/** Python's `type(value).__name__` for a value parsed from JSON. */
export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

/** Python's truthiness of a value parsed from JSON (`None`, `0`, `""`, `[]`, `{}` are false). */
export function isPythonTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true; // NaN included: bool(float("nan")) is True
}
