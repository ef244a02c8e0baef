/**
 * "Fill in the blanks": a starter file marks each blank with `___`. In blanks mode the
 * learner may edit only the text that stands where each blank was (a *slot*); the rest of
 * the file is fixed. Everything here is pure string work, shared by the Monaco editor,
 * the textarea fallback and grading.
 *
 * The model: a starter is split on every `___` into *segments*, the fixed text between
 * blanks, so `segments.length === blanks + 1`. A filled file is
 * `segments[0] + values[0] + segments[1] + … + values[n-1] + segments[n]`, and a value
 * never holds a line break. Each blank must sit on a line of its own
 * (see {@link templateProblems}): that is what lets {@link readBlanks} find the values
 * again without guessing, whatever the learner typed.
 */

/** How a starter file writes a blank. */
export const BLANK = '___';

/** A starter file cut at its blanks. */
export interface BlankTemplate {
  /** The fixed text between blanks (LF line ends); one more than there are blanks. */
  readonly segments: readonly string[];
}

/** Where a slot's value lies in the filled text: UTF-16 offsets, `end` exclusive. */
export interface SlotRange {
  readonly start: number;
  readonly end: number;
}

/** An edit: replace the text in `[start, end)` (offsets before the edit) with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Why blanks mode refused an edit. */
export type EditRefusal = 'outside' | 'newline';

export type EditCheck =
  | { readonly ok: true; readonly slot: number }
  | { readonly ok: false; readonly reason: EditRefusal };

/** A position in code: 1-based line, and 1-based column in UTF-16 code units (as Monaco counts). */
export interface CodePosition {
  readonly line: number;
  readonly column: number;
}

export const BLANKS_ERROR_CODES = [
  'ERR_BLANKS_VALUE_COUNT', // a list of values that does not match the template's blanks
  'ERR_BLANKS_LINE_BREAK', // a value holding a line break (it could not be read back)
] as const;

export type BlanksErrorCode = (typeof BLANKS_ERROR_CODES)[number];

/** A caller broke the contract of this module (a programming error, not a learner's). */
export class BlanksError extends Error {
  override readonly name = 'BlanksError';
  readonly code: BlanksErrorCode;
  constructor(code: BlanksErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Line ends as LF: CRLF and lone CR become `\n`. Tabs and everything else are kept. */
export function normalizeCode(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Cuts a starter at each literal `___`. Check {@link templateProblems} first: a template
 * with two blanks on one line cannot be read back reliably.
 *
 * @example parseTemplate('x = ___\n') // { segments: ['x = ', '\n'] }
 */
export function parseTemplate(starter: string): BlankTemplate {
  return { segments: normalizeCode(starter).split(BLANK) };
}

/** Number of blanks in a template. */
export function blankCount(template: BlankTemplate): number {
  return template.segments.length - 1;
}

// A character that can continue a Python name: letters, digits, marks, connectors ("_").
const NAME_CHAR = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]/u;

/**
 * Why a starter cannot be used as a fill-in-the-blanks template, as messages for the
 * author; empty when it can. A blank must exist, stand alone on its line, and not touch
 * a name character (`x___` or `____` would be read as one name by the learner).
 */
export function templateProblems(starter: string): string[] {
  const { segments } = parseTemplate(starter);
  if (segments.length === 1) return [`The starter has no blank (${BLANK}) to fill in.`];

  const problems: string[] = [];
  const lines = blankLines({ segments });
  for (const [index, line] of lines.entries()) {
    if (index > 0 && lines[index - 1] === line && (index < 2 || lines[index - 2] !== line)) {
      problems.push(`Line ${line} has more than one blank (${BLANK}); put each blank on a line of its own.`);
    }
    const before = Array.from(segments[index] ?? '').at(-1);
    // An empty segment between two blanks means the next blank's own "_" touches this one.
    const after =
      Array.from((segments[index + 1] ?? '').slice(0, 2))[0] ?? (index + 1 < lines.length ? '_' : undefined);
    for (const neighbour of [before, after]) {
      if (neighbour !== undefined && NAME_CHAR.test(neighbour)) {
        problems.push(
          `Line ${line}: the blank (${BLANK}) touches "${neighbour}"; leave a space or punctuation next to it.`,
        );
        break;
      }
    }
  }
  return problems;
}

/** The 1-based line of each blank. Values never hold line breaks, so lines do not depend on them. */
export function blankLines(template: BlankTemplate): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const segment of template.segments.slice(0, -1)) {
    line += countLineBreaks(segment);
    lines.push(line);
  }
  return lines;
}

/**
 * The code with each blank replaced by its value.
 *
 * @example fillTemplate(parseTemplate('x = ___\n'), ['42']) // 'x = 42\n'
 * @throws BlanksError `ERR_BLANKS_VALUE_COUNT`, `ERR_BLANKS_LINE_BREAK`
 */
export function fillTemplate(template: BlankTemplate, values: readonly string[]): string {
  assertValues(template, values);
  let code = template.segments[0] ?? '';
  for (const [index, value] of values.entries()) code += value + template.segments[index + 1];
  return code;
}

/**
 * The values in code that {@link fillTemplate} made from this template, or null when the
 * code does not fit it (the learner changed the fixed text, in free mode). CRLF is read as LF.
 *
 * Each value ends where the next segment's first line starts: at the first line break after
 * the value's start, minus the length of that segment's text before its own first line
 * break. So a value may contain `___` or text that also appears in the next segment.
 */
export function readBlanks(template: BlankTemplate, code: string): string[] | null {
  const text = normalizeCode(code);
  const { segments } = template;
  const first = segments[0] ?? '';
  if (!text.startsWith(first)) return null;

  const values: string[] = [];
  let start = first.length;
  for (let index = 1; index < segments.length; index++) {
    const segment = segments[index] ?? '';
    const isLast = index === segments.length - 1;
    const breakInSegment = segment.indexOf('\n');
    let end: number;
    if (breakInSegment >= 0) {
      const lineBreak = text.indexOf('\n', start);
      if (lineBreak < 0) return null;
      end = lineBreak - breakInSegment;
    } else if (isLast) {
      end = text.length - segment.length;
    } else {
      // Two blanks on one line (templateProblems refuses these): the best guess is the
      // first place the fixed text between them occurs.
      end = text.indexOf(segment, start);
      if (end < 0) return null;
    }
    if (end < start) return null;
    const value = text.slice(start, end);
    if (value.includes('\n')) return null;
    if (isLast ? text.slice(end) !== segment : !text.startsWith(segment, end)) return null;
    values.push(value);
    start = end + segment.length;
  }
  if (segments.length === 1 && text !== first) return null;
  return values;
}

/**
 * Where each value lies in `fillTemplate(template, values)`.
 *
 * @throws BlanksError `ERR_BLANKS_VALUE_COUNT`, `ERR_BLANKS_LINE_BREAK`
 */
export function slotRanges(template: BlankTemplate, values: readonly string[]): SlotRange[] {
  assertValues(template, values);
  const ranges: SlotRange[] = [];
  let offset = template.segments[0]?.length ?? 0;
  for (const [index, value] of values.entries()) {
    ranges.push({ start: offset, end: offset + value.length });
    offset += value.length + (template.segments[index + 1]?.length ?? 0);
  }
  return ranges;
}

/**
 * Whether blanks mode allows an edit, judged against the slot ranges before it. An edit is
 * allowed when all of `[start, end]` lies in one slot, edges included (typing just before or
 * after a value, or into an empty slot, is typing in it), and it inserts no line break.
 */
export function checkEdit(ranges: readonly SlotRange[], change: TextEdit): EditCheck {
  const slot = ranges.findIndex((range) => range.start <= change.start && change.end <= range.end);
  if (slot < 0) return { ok: false, reason: 'outside' };
  if (/[\r\n]/.test(change.text)) return { ok: false, reason: 'newline' };
  return { ok: true, slot };
}

/** Every `___` still in the code, in order (`______` counts as two). */
export function unfilledBlanks(code: string): CodePosition[] {
  const text = normalizeCode(code);
  const found: CodePosition[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (let index = text.indexOf(BLANK); index >= 0; index = text.indexOf(BLANK, index + BLANK.length)) {
    for (let lineBreak = text.indexOf('\n', scanned); lineBreak >= 0 && lineBreak < index; ) {
      line++;
      lineStart = lineBreak + 1;
      lineBreak = text.indexOf('\n', lineStart);
    }
    scanned = index;
    found.push({ line, column: index - lineStart + 1 });
  }
  return found;
}

/** Indexes of the values that are empty or only whitespace. */
export function emptySlots(values: readonly string[]): number[] {
  return values.flatMap((value, index) => (value.trim() === '' ? [index] : []));
}

/**
 * The line of every blank the learner has still to fill, sorted: each `___` left in the
 * code, and, when the code fits the template, each slot left empty.
 */
export function unfilledLines(code: string, template?: BlankTemplate): number[] {
  const lines = unfilledBlanks(code).map((position) => position.line);
  const values = template && readBlanks(template, code);
  if (template && values) {
    const lineOfBlank = blankLines(template);
    for (const slot of emptySlots(values)) lines.push(lineOfBlank[slot] ?? 1);
  }
  return lines.sort((a, b) => a - b);
}

/**
 * A sentence asking for the blanks on these lines (one entry per blank; a line may repeat),
 * or null when there are none.
 *
 * @example describeUnfilled([41, 29]) // 'Fill in the blanks on lines 29 and 41 first.'
 */
export function describeUnfilled(lines: readonly number[]): string | null {
  if (lines.length === 0) return null;
  const distinct = [...new Set(lines)].sort((a, b) => a - b);
  const blanks = lines.length === 1 ? 'the blank' : 'the blanks';
  const where =
    distinct.length === 1 ? `line ${distinct[0]}` : `lines ${distinct.slice(0, -1).join(', ')} and ${distinct.at(-1)}`;
  return `Fill in ${blanks} on ${where} first.`;
}

function assertValues(template: BlankTemplate, values: readonly string[]): void {
  if (values.length !== blankCount(template)) {
    throw new BlanksError(
      'ERR_BLANKS_VALUE_COUNT',
      `Expected ${blankCount(template)} values for the blanks, got ${values.length}.`,
    );
  }
  const broken = values.findIndex((value) => /[\r\n]/.test(value));
  if (broken >= 0) {
    throw new BlanksError('ERR_BLANKS_LINE_BREAK', `The value for blank ${broken + 1} holds a line break.`);
  }
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** A piece of a line of a template: fixed text, or the blank with this index (0-based). */
export type TemplatePart = { readonly text: string } | { readonly blank: number };

/**
 * The template line by line, each line cut into fixed text and blanks: what the blank
 * fields (one input per blank, CodeEditor on touch devices) lay out.
 *
 * @example templateLines(parseTemplate('x = ___\nok\n')) // [[{ text: 'x = ' }, { blank: 0 }], [{ text: 'ok' }], []]
 */
export function templateLines(template: BlankTemplate): TemplatePart[][] {
  const lines: TemplatePart[][] = [[]];
  for (const [index, segment] of template.segments.entries()) {
    for (const [piece, text] of segment.split('\n').entries()) {
      if (piece > 0) lines.push([]);
      if (text) lines.at(-1)?.push({ text });
    }
    if (index < template.segments.length - 1) lines.at(-1)?.push({ blank: index });
  }
  return lines;
}

/**
 * The width of a line's leading whitespace in columns (a tab reaches the next multiple of 4),
 * and the rest of the line: wrapped lines are indented to this width.
 *
 * @example splitIndent('\t  x = 1') // { columns: 6, rest: 'x = 1' }
 */
export function splitIndent(text: string): { columns: number; rest: string } {
  let columns = 0;
  let index = 0;
  for (; index < text.length; index++) {
    if (text[index] === ' ') columns++;
    else if (text[index] === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return { columns, rest: text.slice(index) };
}

/** What a blank's input shows for a value: empty (its placeholder reads ___) while the blank is unfilled. */
export function blankFieldText(value: string): string {
  return value === BLANK ? '' : value;
}

/**
 * The value a blank's input gives the code: line breaks (from a paste) become spaces, since
 * a blank holds one line; an empty input is the unfilled blank, ___, as in the starter.
 */
export function blankValueFromField(text: string): string {
  const oneLine = text.replace(/\r\n?|\n/g, ' ');
  return oneLine === '' ? BLANK : oneLine;
}
