import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLANK,
  BlanksError,
  blankCount,
  blankFieldText,
  blankLines,
  blankValueFromField,
  checkEdit,
  describeUnfilled,
  emptySlots,
  fillTemplate,
  normalizeCode,
  parseTemplate,
  readBlanks,
  slotRanges,
  splitIndent,
  templateLines,
  templateProblems,
  unfilledBlanks,
  unfilledLines,
} from './blanks';

const VERIFY_STARTER = readFileSync(
  new URL('../../../lessons/jwt-auth/exercises/verify_token/starter.py', import.meta.url),
  'utf8',
);

const SMALL = 'def f(x):\n    y = ___\n    return ___(y)\n';

describe('parseTemplate', () => {
  it('cuts at each ___, keeping the text between', () => {
    expect(parseTemplate(SMALL).segments).toEqual(['def f(x):\n    y = ', '\n    return ', '(y)\n']);
    expect(blankCount(parseTemplate(SMALL))).toBe(2);
  });

  it('reads CRLF and CR starters as LF', () => {
    expect(parseTemplate('a = ___\r\nb = ___\rc\n').segments).toEqual(['a = ', '\nb = ', '\nc\n']);
  });

  it('finds the four blanks of the verify_token starter, one per line', () => {
    const template = parseTemplate(VERIFY_STARTER);
    expect(blankCount(template)).toBe(4);
    expect(templateProblems(VERIFY_STARTER)).toEqual([]);
    const lines = VERIFY_STARTER.split('\n');
    for (const line of blankLines(template)) expect(lines[line - 1]).toContain(BLANK);
  });
});

describe('templateProblems', () => {
  it('accepts blanks at the start and end of lines and of the file', () => {
    expect(templateProblems('___ = 1\nx = ___')).toEqual([]);
    expect(templateProblems('___')).toEqual([]);
  });

  it('asks for at least one blank', () => {
    expect(templateProblems('print(1)\n')).toEqual(['The starter has no blank (___) to fill in.']);
  });

  it('names the line with two blanks, once', () => {
    expect(templateProblems('a = 1\nb = ___ + ___ + ___\n')).toEqual([
      'Line 2 has more than one blank (___); put each blank on a line of its own.',
    ]);
  });

  it('names the line where a blank touches a name character', () => {
    expect(templateProblems('x = 1\ny = x___\n')).toEqual([
      'Line 2: the blank (___) touches "x"; leave a space or punctuation next to it.',
    ]);
    expect(templateProblems('y = ___2\n')).toEqual([
      'Line 1: the blank (___) touches "2"; leave a space or punctuation next to it.',
    ]);
    expect(templateProblems('y = é___\n')[0]).toContain('touches "é"');
    expect(templateProblems('y = ___.split(".")\nz = (___)\n')).toEqual([]);
  });

  it('treats four underscores as a blank touching "_"', () => {
    expect(templateProblems('y = ____\n')).toEqual([
      'Line 1: the blank (___) touches "_"; leave a space or punctuation next to it.',
    ]);
  });

  it('reports both problems of six underscores', () => {
    expect(templateProblems('\ny = ______\n')).toEqual([
      'Line 2: the blank (___) touches "_"; leave a space or punctuation next to it.',
      'Line 2 has more than one blank (___); put each blank on a line of its own.',
    ]);
  });
});

describe('fillTemplate and readBlanks', () => {
  const template = parseTemplate(SMALL);

  it('round-trips values', () => {
    const code = fillTemplate(template, ['x * 2', 'str']);
    expect(code).toBe('def f(x):\n    y = x * 2\n    return str(y)\n');
    expect(readBlanks(template, code)).toEqual(['x * 2', 'str']);
  });

  it('reads the untouched starter as values of ___', () => {
    expect(readBlanks(template, SMALL)).toEqual([BLANK, BLANK]);
    const verify = parseTemplate(VERIFY_STARTER);
    expect(readBlanks(verify, VERIFY_STARTER)).toEqual([BLANK, BLANK, BLANK, BLANK]);
  });

  it('reads empty values', () => {
    expect(readBlanks(template, fillTemplate(template, ['', '']))).toEqual(['', '']);
  });

  it('reads values holding ___ or text that the next segment also holds', () => {
    const values = ['___ or ___', 'len(y)\n    return '.split('\n')[0] ?? ''];
    expect(readBlanks(template, fillTemplate(template, values))).toEqual(values);
    const echo = ['(y)', '(y)(y)'];
    expect(readBlanks(template, fillTemplate(template, echo))).toEqual(echo);
  });

  it('reads blanks at the very start and end of the file', () => {
    const edges = parseTemplate('___ = 1\nprint(___)\nz = ___');
    const values = ['a', 'b', 'c + 1'];
    const code = fillTemplate(edges, values);
    expect(code).toBe('a = 1\nprint(b)\nz = c + 1');
    expect(readBlanks(edges, code)).toEqual(values);
    expect(readBlanks(edges, fillTemplate(edges, ['', '', '']))).toEqual(['', '', '']);
  });

  it('reads a blank that is a whole line, and a blank-only file', () => {
    const whole = parseTemplate('if x:\n___\n');
    expect(readBlanks(whole, 'if x:\n    pass\n')).toEqual(['    pass']);
    expect(readBlanks(parseTemplate(BLANK), 'anything')).toEqual(['anything']);
  });

  it('reads CRLF code', () => {
    expect(readBlanks(template, 'def f(x):\r\n    y = 1\r\n    return int(y)\r\n')).toEqual(['1', 'int']);
  });

  it('reads unicode values and segments', () => {
    const greek = parseTemplate('# λ 🙂\nπ = ___\nprint("é", ___)\n');
    const values = ['3.14 # ≈ π 🙂', '"日本"'];
    expect(readBlanks(greek, fillTemplate(greek, values))).toEqual(values);
  });

  it('refuses code changed outside the blanks', () => {
    expect(readBlanks(template, 'def g(x):\n    y = 1\n    return str(y)\n')).toBeNull();
    expect(readBlanks(template, 'def f(x):\n    y = 1\n    return str(y)\n\n')).toBeNull();
    expect(readBlanks(template, 'def f(x):\n    y = 1\n    return str(y)')).toBeNull();
    expect(readBlanks(template, 'def f(x):\n    y = 1\n    z = 2\n    return str(y)\n')).toBeNull();
    expect(readBlanks(template, 'def f(x):\n    y = 1')).toBeNull();
    expect(readBlanks(template, '')).toBeNull();
    expect(readBlanks(parseTemplate('no blanks\n'), 'no blanks\n')).toEqual([]);
    expect(readBlanks(parseTemplate('no blanks\n'), 'no blanks!\n')).toBeNull();
  });

  it('falls back to the first match for two blanks on one line', () => {
    const pair = parseTemplate('x = ___ + ___\n');
    expect(readBlanks(pair, 'x = 1 + 2\n')).toEqual(['1', '2']);
    expect(readBlanks(pair, 'x = 1 - 2\n')).toBeNull();
  });

  it('throws coded errors for values that cannot be read back', () => {
    expect(() => fillTemplate(template, ['1'])).toThrow(
      expect.objectContaining({ name: 'BlanksError', code: 'ERR_BLANKS_VALUE_COUNT' }),
    );
    expect(() => fillTemplate(template, ['1\n2', 'x'])).toThrow(BlanksError);
    expect(() => slotRanges(template, ['1', '2\r'])).toThrow(
      expect.objectContaining({ code: 'ERR_BLANKS_LINE_BREAK' }),
    );
  });

  it('round-trips any values without line breaks in any valid template (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '_', '(', ')', '\n', 'é', '🙂', '=', '\t') });
    const oneLine = fc.string({ unit: fc.constantFrom('a', ' ', '_', '(', ')', 'é', '🙂', '=', '\t') });
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.array(oneLine, { maxLength: 6 }),
        (parts, pool) => {
          // Segments other than the first and last must hold a line break (one blank per line).
          const segments = parts.map((part, index) =>
            index === 0 || index === parts.length - 1 || part.includes('\n') ? part : `${part}\n`,
          );
          if (segments.some((segment) => segment.includes(BLANK))) return;
          const template = { segments };
          const values = segments.slice(1).map((_, index) => pool[index] ?? '');
          const code = fillTemplate(template, values);
          expect(readBlanks(template, code)).toEqual(values);
          const ranges = slotRanges(template, values);
          expect(ranges.map((range) => code.slice(range.start, range.end))).toEqual(values);
        },
      ),
    );
  });
});

describe('slotRanges', () => {
  it('gives the offsets of each value in the filled text', () => {
    const template = parseTemplate('a = ___\nb = ___\n');
    expect(slotRanges(template, ['12', ''])).toEqual([
      { start: 4, end: 6 },
      { start: 11, end: 11 },
    ]);
  });
});

describe('checkEdit', () => {
  const ranges = [
    { start: 4, end: 7 },
    { start: 12, end: 12 },
  ];

  it('allows typing anywhere in a slot, edges included', () => {
    expect(checkEdit(ranges, { start: 4, end: 4, text: 'x' })).toEqual({ ok: true, slot: 0 });
    expect(checkEdit(ranges, { start: 7, end: 7, text: 'x' })).toEqual({ ok: true, slot: 0 });
    expect(checkEdit(ranges, { start: 5, end: 6, text: '' })).toEqual({ ok: true, slot: 0 });
    expect(checkEdit(ranges, { start: 4, end: 7, text: 'abc' })).toEqual({ ok: true, slot: 0 });
  });

  it('allows typing into an empty slot', () => {
    expect(checkEdit(ranges, { start: 12, end: 12, text: 'len' })).toEqual({ ok: true, slot: 1 });
  });

  it('refuses edits that reach outside a slot', () => {
    expect(checkEdit(ranges, { start: 3, end: 3, text: 'x' })).toEqual({ ok: false, reason: 'outside' });
    expect(checkEdit(ranges, { start: 3, end: 4, text: '' })).toEqual({ ok: false, reason: 'outside' });
    expect(checkEdit(ranges, { start: 7, end: 8, text: '' })).toEqual({ ok: false, reason: 'outside' });
    expect(checkEdit(ranges, { start: 6, end: 12, text: '' })).toEqual({ ok: false, reason: 'outside' });
    expect(checkEdit(ranges, { start: 13, end: 13, text: 'x' })).toEqual({ ok: false, reason: 'outside' });
    expect(checkEdit([], { start: 0, end: 0, text: 'x' })).toEqual({ ok: false, reason: 'outside' });
  });

  it('refuses line breaks in a slot', () => {
    expect(checkEdit(ranges, { start: 5, end: 5, text: '\n    ' })).toEqual({ ok: false, reason: 'newline' });
    expect(checkEdit(ranges, { start: 12, end: 12, text: 'a\r\nb' })).toEqual({ ok: false, reason: 'newline' });
    expect(checkEdit(ranges, { start: 12, end: 12, text: 'a\rb' })).toEqual({ ok: false, reason: 'newline' });
  });

  it('says "outside" when an edit is both outside and multi-line', () => {
    expect(checkEdit(ranges, { start: 0, end: 0, text: '\n' })).toEqual({ ok: false, reason: 'outside' });
  });
});

describe('unfilled blanks', () => {
  it('finds each ___ left in the code with its line and column', () => {
    expect(unfilledBlanks('x = ___\n\n___(y)\r\n  z = ______\n')).toEqual([
      { line: 1, column: 5 },
      { line: 3, column: 1 },
      { line: 4, column: 7 },
      { line: 4, column: 10 },
    ]);
    expect(unfilledBlanks('x = __ _\n')).toEqual([]);
  });

  it('finds the blanks of the untouched verify_token starter', () => {
    expect(unfilledBlanks(VERIFY_STARTER).map((position) => position.line)).toEqual(
      blankLines(parseTemplate(VERIFY_STARTER)),
    );
  });

  it('counts empty and whitespace-only values as empty', () => {
    expect(emptySlots(['a', '', '  \t', '___', ' b '])).toEqual([1, 2]);
  });

  it('lists the lines of blanks still to fill: ___ left and slots left empty', () => {
    const template = parseTemplate('a = ___\nb = ___\nc = ___\n');
    expect(unfilledLines('a = 1\nb = \nc = ___\n', template)).toEqual([2, 3]);
    expect(unfilledLines('a = 1\nb = \nc = ___\n')).toEqual([3]);
    expect(unfilledLines('a = 1\nB = \nc = 2\n', template)).toEqual([]);
  });

  it('describes them in a sentence', () => {
    expect(describeUnfilled([])).toBeNull();
    expect(describeUnfilled([29])).toBe('Fill in the blank on line 29 first.');
    expect(describeUnfilled([41, 29])).toBe('Fill in the blanks on lines 29 and 41 first.');
    expect(describeUnfilled([3, 9, 5])).toBe('Fill in the blanks on lines 3, 5 and 9 first.');
    expect(describeUnfilled([7, 7])).toBe('Fill in the blanks on line 7 first.');
  });
});

describe('normalizeCode', () => {
  it('turns CRLF and CR into LF and keeps tabs', () => {
    expect(normalizeCode('a\r\n\tb\rc\n\r\n')).toBe('a\n\tb\nc\n\n');
  });
});

describe('blank fields', () => {
  it('lays a template out line by line, blanks in place', () => {
    expect(templateLines(parseTemplate('x = ___\nok\n'))).toEqual([
      [{ text: 'x = ' }, { blank: 0 }],
      [{ text: 'ok' }],
      [],
    ]);
    expect(templateLines(parseTemplate('___(a)\n\nif ___:\n    pass'))).toEqual([
      [{ blank: 0 }, { text: '(a)' }],
      [],
      [{ text: 'if ' }, { blank: 1 }, { text: ':' }],
      [{ text: '    pass' }],
    ]);
  });

  it('has as many lines as the starter, with every blank once, in order (verify_token)', () => {
    const template = parseTemplate(VERIFY_STARTER);
    const lines = templateLines(template);
    expect(lines).toHaveLength(VERIFY_STARTER.split('\n').length);
    const blanks = lines.flatMap((parts, line) =>
      parts.flatMap((part) => ('blank' in part ? [[part.blank, line + 1]] : [])),
    );
    expect(blanks).toEqual(blankLines(template).map((line, index) => [index, line]));
    const rebuilt = lines.map((parts) => parts.map((part) => ('text' in part ? part.text : BLANK)).join('')).join('\n');
    expect(rebuilt).toBe(VERIFY_STARTER);
  });

  it('measures indentation in columns, tabs to the next multiple of 4', () => {
    expect(splitIndent('    return x')).toEqual({ columns: 4, rest: 'return x' });
    expect(splitIndent('\t  x = 1')).toEqual({ columns: 6, rest: 'x = 1' });
    expect(splitIndent('  \tx')).toEqual({ columns: 4, rest: 'x' });
    expect(splitIndent('')).toEqual({ columns: 0, rest: '' });
  });

  it('shows an unfilled blank as an empty field, and an empty field as ___ in the code', () => {
    expect(blankFieldText(BLANK)).toBe('');
    expect(blankFieldText('token.split(".")')).toBe('token.split(".")');
    expect(blankValueFromField('')).toBe(BLANK);
    expect(blankValueFromField('a\r\nb\nc\rd')).toBe('a b c d');
    expect(blankValueFromField('  ')).toBe('  ');
  });

  it('round-trips any one-line value through a field and the template (property)', () => {
    const template = parseTemplate(SMALL);
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), (typed) => {
        const values = typed.map(blankValueFromField);
        const back = readBlanks(template, fillTemplate(template, values));
        expect(back?.map(blankFieldText)).toEqual(typed.map((text) => blankFieldText(blankValueFromField(text))));
      }),
    );
  });
});
