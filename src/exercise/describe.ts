import type { CallRecord } from './harnessResult';

/**
 * Python's repr() of a JSON value, so results read as the learner's Python
 * would print them.
 *
 * @example pythonRepr({ sub: 'alice', admin: true }) // "{'sub': 'alice', 'admin': True}"
 */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloat(value);
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') {
    const items = Object.entries(value).map(([key, item]) => `${pythonString(key)}: ${pythonRepr(item)}`);
    return `{${items.join(', ')}}`;
  }
  return String(value);
}

function pythonFloat(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function pythonString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replaceAll(quote, `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** What a call did, in one line: "returned …", "raised ValueError: …", "ran for more than 1 s". */
export function describeCall(record: CallRecord, secondsPerCall: number): string {
  switch (record.outcome) {
    case 'returned':
      return `returned ${shorten(record.repr)}`;
    case 'raised':
      return `raised ${record.type}${record.message ? `: ${shorten(record.message)}` : ''}${atLine(record.line)}`;
    case 'timeout':
      return `was still running after ${secondsPerCall} s${atLine(record.line)}: an endless loop?`;
    case 'missing':
      return `could not be called: your code defines no function ${record.function}()`;
  }
}

const atLine = (line: number | null) => (line ? ` (line ${line})` : '');

export function shorten(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
