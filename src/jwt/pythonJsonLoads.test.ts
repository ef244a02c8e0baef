import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_PYTHON, referencePythonHas, warnSkipped } from '../../tests/support/referencePython';
import { utf8Encode } from './base64url';
import { detectJsonEncoding } from './pythonCodecs';
import { PythonJsonError, pythonJsonLoads, pythonJsonLoadsBytes } from './pythonJsonLoads';

/** What json.loads gave: a value in a tagged form both sides can write, or the exception. */
type Outcome = { ok: unknown } | { error: string; message: string };

/** Python's side: the tagged form of a value (ints and floats apart, strings as code points). */
const PYTHON = `
import json, sys
def canon(v):
    if v is None or isinstance(v, bool): return v
    if isinstance(v, int): return ["int", str(v)]
    if isinstance(v, float): return ["float", repr(v)]
    if isinstance(v, str): return ["str", [ord(c) for c in v]]
    if isinstance(v, list): return ["list", [canon(x) for x in v]]
    return ["dict", [[canon(k), canon(x)] for k, x in v.items()]]
out = []
for case in json.load(sys.stdin):
    data = bytes(case["bytes"]) if "bytes" in case else "".join(map(chr, case["str"]))
    try:
        out.append({"ok": canon(json.loads(data))})
    except (ValueError, RecursionError) as e:
        out.append({"error": type(e).__name__, "message": str(e)})
json.dump(out, sys.stdout)
`;

/** The JS value Python's tagged value stands for, as the reader should give it. */
function expectedValue(tagged: unknown): unknown {
  if (tagged === null || typeof tagged === 'boolean') return tagged;
  const [tag, inner] = tagged as [string, unknown];
  switch (tag) {
    case 'int':
      return Number(inner) === 0 ? 0 : Number(inner);
    case 'float':
      return inner === 'inf' ? Infinity : inner === '-inf' ? -Infinity : inner === 'nan' ? NaN : Number(inner);
    case 'str':
      return String.fromCodePoint(...(inner as number[]));
    case 'list':
      return (inner as unknown[]).map(expectedValue);
    default:
      return (inner as [unknown, unknown][]).map(([key, value]) => [expectedValue(key), expectedValue(value)]);
  }
}

/** Deep equality with Object.is for numbers (NaN equals NaN, -0 is not 0); objects as entry lists. */
function same(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected) && expected.every((entry) => Array.isArray(entry) && entry.length === 2)) {
    if (actual !== null && typeof actual === 'object' && !Array.isArray(actual)) {
      const entries = Object.entries(actual);
      const wanted = new Map(expected as [string, unknown][]);
      return (
        entries.length === wanted.size &&
        entries.every(([key, value]) => wanted.has(key) && same(value, wanted.get(key)))
      );
    }
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => same(actual[index], item))
    );
  }
  return Object.is(actual, expected);
}

type Input = { str: string } | { bytes: Uint8Array };

function ours(input: Input): Outcome {
  try {
    return { ok: 'str' in input ? pythonJsonLoads(input.str) : pythonJsonLoadsBytes(input.bytes) };
  } catch (error) {
    if (!(error instanceof PythonJsonError)) throw error;
    return { error: error.name, message: error.message };
  }
}

function compareWithPython(inputs: Input[]): { compared: number; mismatches: string[]; kinds: Set<string> } {
  const cases = inputs.map((input) =>
    'str' in input ? { str: [...input.str].map((char) => char.codePointAt(0)) } : { bytes: [...input.bytes] },
  );
  const expected = JSON.parse(
    execFileSync(REFERENCE_PYTHON, ['-c', PYTHON], {
      input: JSON.stringify(cases),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    }),
  ) as Outcome[];
  const mismatches: string[] = [];
  const kinds = new Set(
    expected.map((outcome) =>
      'ok' in outcome ? 'ok' : outcome.message.replace(/: line \d+ column \d+ \(char \d+\)$/, '').replace(/ \(.*/s, ''),
    ),
  );
  inputs.forEach((input, index) => {
    const python = expected[index] as Outcome;
    const mine = ours(input);
    const equal =
      'ok' in python
        ? 'ok' in mine && same(mine.ok, expectedValue(python.ok))
        : 'error' in mine && mine.error === python.error && mine.message === python.message;
    if (!equal) {
      const shown = 'str' in input ? JSON.stringify(input.str) : `bytes ${Buffer.from(input.bytes).toString('hex')}`;
      mismatches.push(`${shown}\n  python: ${JSON.stringify(python)}\n  ours:   ${JSON.stringify(mine)}`);
    }
  });
  return { compared: inputs.length, mismatches, kinds };
}

// Pieces that make JSON, almost-JSON and every error the scanner has.
const PIECES = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  ' ',
  '\n',
  '\t',
  '\r',
  '\f',
  '\u00a0',
  '"a"',
  '"key"',
  '"é😀"',
  '"\\u00e9"',
  '"\\ud83d\\ude00"',
  '"\\ud800"',
  '"\\udc00"',
  '"\\ud800\\u0041"',
  '"\\ud800\\uZZZZ"',
  '"\\ud800\\',
  '\\u',
  '\\ud800',
  'u',
  '12',
  'd8',
  '00',
  'zz',
  '\\n',
  '\\x',
  '\\/',
  '\\"',
  '0',
  '1',
  '9',
  '-',
  '+',
  '.',
  'e',
  'E',
  '01',
  '-0',
  '1.5',
  '1e5',
  '1E+2',
  '2e-3',
  '-0.0',
  '1e400',
  '1.',
  '.5',
  '12345678901234567890',
  '9007199254740993',
  'true',
  'false',
  'null',
  'tru',
  'nul',
  'fals',
  'NaN',
  'Na',
  'Infinity',
  'Infinit',
  '-Infinity',
  '-Infinit',
  'inf',
  'x',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  'é',
  '😀',
  '\ufeff',
  '\ud800',
  '{"a":1}',
  '[1,2]',
  '{"a":',
  '"a":1',
  ',}',
  ',]',
  '{"a":1,}',
  '[1,]',
];

const stringInput: fc.Arbitrary<Input> = fc.oneof(
  {
    arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => ({ str: parts.join('') })),
    weight: 6,
  },
  { arbitrary: fc.json().map((str) => ({ str })), weight: 2 },
  {
    // Valid JSON with one character changed, removed or added.
    arbitrary: fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom(...PIECES), fc.constantFrom('replace', 'remove', 'insert'))
      .map(([json, at, piece, how]) => {
        const index = at % (json.length + 1);
        const tail = how === 'insert' ? json.slice(index) : json.slice(index + 1);
        return { str: json.slice(0, index) + (how === 'remove' ? '' : piece) + tail };
      }),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map((str) => ({ str })), weight: 1 },
);

const BOMS = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0], [0, 0, 0xfe, 0xff]];
const byteInput: fc.Arbitrary<Input> = fc.oneof(
  // Arbitrary bytes, zero-heavy so every encoding detect_encoding knows is chosen.
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom(...BOMS),
        fc.array(
          fc.oneof(
            fc.constant(0),
            fc.constantFrom(0x22, 0x7b, 0x7d, 0x31, 0xd8, 0xdc, 0x11, 0xed, 0xa0, 0x80),
            fc.integer({ min: 0, max: 255 }),
          ),
          { maxLength: 14 },
        ),
      )
      .map(([bom, body]) => ({ bytes: Uint8Array.from([...bom, ...body]) })),
    weight: 4,
  },
  // JSON-ish text in UTF-8 (UTF-8 bytes after a string quote keep the decoder on UTF-8).
  { arbitrary: stringInput.map((input) => ({ bytes: utf8Encode('str' in input ? input.str : '') })), weight: 2 },
  // JSON-ish text in UTF-16 or UTF-32, with or without a BOM.
  {
    arbitrary: fc
      .tuple(
        fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('utf16le', 'utf16be', 'utf32le', 'utf32be'),
        fc.boolean(),
        fc.nat(3),
      )
      .map(([parts, encoding, bom, cut]) => {
        const units = [...(bom ? '\ufeff' : ''), ...parts.join('')].map((char) => char.codePointAt(0) ?? 0);
        const bytes: number[] = [];
        for (const code of units) {
          if (encoding.startsWith('utf32')) {
            const word = [(code >>> 24) & 255, (code >>> 16) & 255, (code >>> 8) & 255, code & 255];
            bytes.push(...(encoding === 'utf32le' ? word.reverse() : word));
          } else {
            const pairs =
              code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
            for (const unit of pairs)
              bytes.push(...(encoding === 'utf16le' ? [unit & 255, unit >> 8] : [unit >> 8, unit & 255]));
          }
        }
        return { bytes: Uint8Array.from(bytes.slice(0, bytes.length - (cut === 3 ? 1 : 0))) };
      }),
    weight: 2,
  },
);

describe('pythonJsonLoads: examples', () => {
  it.each([
    ['nope', 'Expecting value: line 1 column 1 (char 0)'],
    ['', 'Expecting value: line 1 column 1 (char 0)'],
    ['{"a":1,}', 'Expecting property name enclosed in double quotes: line 1 column 8 (char 7)'],
    ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
    ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
    ['"a\u0001"', 'Invalid control character at: line 1 column 3 (char 2)'],
    ['"\\x"', 'Invalid \\escape: line 1 column 2 (char 1)'],
    ['"\\u12x4"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['{"a":1}\n x', 'Extra data: line 2 column 2 (char 9)'],
    ['"😀" x', 'Extra data: line 1 column 5 (char 4)'], // code points, not UTF-16 units
    ['\ufeff{}', 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)'],
  ])('%j → %s', (text, message) => {
    expect(() => pythonJsonLoads(text)).toThrow(new PythonJsonError('JSONDecodeError', message));
  });

  it('reads what Python reads that JSON.parse does not', () => {
    expect(pythonJsonLoads('[NaN, Infinity, -Infinity, -0, -0.0]')).toEqual([NaN, Infinity, -Infinity, 0, -0]);
    expect(pythonJsonLoads('{"a": 1, "b": 2, "a": 3}')).toEqual({ a: 3, b: 2 });
    expect(Object.keys(pythonJsonLoads('{"a": 1, "b": 2, "a": 3}') as object)).toEqual(['a', 'b']);
    expect(pythonJsonLoads('"\\ud800x"')).toBe('\ud800x');
    expect(pythonJsonLoads('12345678901234567890', { bigInts: true })).toBe(12345678901234567890n);
    const proto = pythonJsonLoads('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__']);
  });

  it('words a trailing comma as Python 3.13 and later do, when asked', () => {
    expect(() => pythonJsonLoads('{"a":1,}', { python: '3.13' })).toThrow(
      'Illegal trailing comma before end of object: line 1 column 7 (char 6)',
    );
    expect(() => pythonJsonLoads('[1,\n  ]', { python: '3.13' })).toThrow(
      'Illegal trailing comma before end of array: line 1 column 3 (char 2)',
    );
  });

  it('reads bytes as json.loads(bytes) does: encoding detected, surrogatepass', () => {
    expect(detectJsonEncoding(Uint8Array.of(0x7b, 0, 0x7d, 0))).toBe('utf-16-le');
    expect(pythonJsonLoadsBytes(Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toEqual({});
    expect(pythonJsonLoadsBytes(Uint8Array.of(0x22, 0xed, 0xa0, 0x80, 0x22))).toBe('\ud800');
    expect(() => pythonJsonLoadsBytes(Uint8Array.of(0xff))).toThrow(
      new PythonJsonError(
        'UnicodeDecodeError',
        "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
      ),
    );
  });

  it('refuses what Python refuses beyond syntax: huge integers, deep nesting', () => {
    expect(() => pythonJsonLoads('1'.repeat(4301))).toThrow(
      'Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit',
    );
    expect(() => pythonJsonLoads('['.repeat(5000))).toThrow(
      new PythonJsonError(
        'RecursionError',
        'maximum recursion depth exceeded while decoding a JSON array from a unicode string',
      ),
    );
  });
});

const python = referencePythonHas('json');
if (!python) warnSkipped('comparing pythonJsonLoads with CPython json.loads', `${REFERENCE_PYTHON} does not run`);

describe.skipIf(!python)('pythonJsonLoads against CPython json.loads (one batch)', () => {
  const SEED = Number(process.env.PYTHON_JSON_SEED ?? 20_240_613);
  const RUNS = Number(process.env.PYTHON_JSON_RUNS ?? 4000);

  it(`reads ${RUNS} generated strings as json.loads(str) does, value or message`, () => {
    const inputs = fc.sample(stringInput, { seed: SEED, numRuns: RUNS });
    const extra: Input[] = [
      '1'.repeat(4300),
      '-'.concat('1'.repeat(4301)),
      '1'.repeat(4300).concat('.5'),
      '[1e400, -1e400]',
    ].map((str) => ({ str }));
    const { compared, mismatches, kinds } = compareWithPython([...inputs, ...extra]);
    expect(compared).toBe(RUNS + extra.length);
    // The generated strings reach every message the scanner has.
    expect([...kinds].sort()).toEqual([
      'Exceeds the limit',
      "Expecting ',' delimiter",
      "Expecting ':' delimiter",
      'Expecting property name enclosed in double quotes',
      'Expecting value',
      'Extra data',
      'Invalid \\escape',
      'Invalid \\uXXXX escape',
      'Invalid control character at',
      'Unexpected UTF-8 BOM',
      'Unterminated string starting at',
      'ok',
    ]);
    expect(mismatches.slice(0, 20), `seed ${SEED}: ${mismatches.length} of ${compared} differ`).toEqual([]);
  });

  it(`reads ${RUNS} generated byte strings as json.loads(bytes) does, value or message`, () => {
    const inputs = fc.sample(byteInput, { seed: SEED + 1, numRuns: RUNS });
    const { compared, mismatches, kinds } = compareWithPython(inputs);
    for (const encoding of ['utf-8', 'utf-16-le', 'utf-16-be', 'utf-32-le', 'utf-32-be']) {
      expect([...kinds].some((kind) => kind.startsWith(`'${encoding}' codec`))).toBe(true);
    }
    expect(mismatches.slice(0, 20), `seed ${SEED}: ${mismatches.length} of ${compared} differ`).toEqual([]);
  });
});
