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

/** What a call did, in one line: "returned …", "raised ValueError: …", "ran more than 200,000 lines…". */
export function describeCall(record: CallRecord): string {
  switch (record.outcome) {
    case 'returned':
      return `returned ${shorten(record.repr)}`;
    case 'raised':
      return `raised ${record.type}${record.message ? `: ${shorten(record.message)}` : ''}${atLine(record.line)}`;
    case 'timeout':
      return `${describeLimit(record)}${atLine(record.line)}: an endless loop?`;
    case 'missing':
      return `could not be called: your code defines no function ${record.function}()`;
  }
}

/** Which limit stopped a call, true to the record ("ran more than 200,000 lines of Python"). */
export function describeLimit(record: { limit: 'lines' | 'seconds'; amount: number }): string {
  if (record.limit === 'seconds') return `was still running after ${record.amount} s`;
  if (record.amount === 0) return 'was not made: earlier calls used up the lines of Python a Check may run';
  return `ran more than ${record.amount.toLocaleString('en-US')} lines of Python`;
}

const atLine = (line: number | null) => (line ? ` (line ${line})` : '');

export function shorten(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
