import { z } from 'zod/mini';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';

/*
 * One zod schema per record gives both readings of progress data:
 * - strict (`schema.safeParse`): an imported file must match it exactly;
 * - forgiving (`recover`): stored data keeps its valid parts and reports each
 *   problem with its path, so a damaged entry never takes the page down.
 *
 * `recover` walks the schema: objects, optional fields, lists and maps are
 * taken apart and rebuilt; every other schema (a string, a count, an enum) is
 * checked by zod itself, and its issue is the reported problem. How a damaged
 * container is repaired is said where the schema is built, by the helpers
 * below (`recordOf`, `listOf`, `repaired`), so the strict and the forgiving
 * reading cannot drift apart. What `recover` returns always passes the schema.
 */

/** Something the recovery left out or replaced, where it was and what was expected there. */
export interface RecoveryProblem {
  /** Dotted, e.g. `exercises.jwt-auth/verify-token.attempts`; empty for the whole value. */
  path: string;
  /** e.g. "a number", "an object", `one of "blanks", "free"`. */
  expected: string;
}

export type Report = (path: string, expected: string) => void;

/** A zod schema, classic or mini. */
export type Schema = $ZodType;

interface ObjectRepair {
  kind: 'object';
  /** Values for required fields that are missing or damaged; without one, the object is left out. */
  defaults: Record<string, unknown>;
  /** Rebuilt from `{}` (each field then missing) when it is not an object at all, rather than left out. */
  rebuild: boolean;
}
interface ListRepair {
  kind: 'list';
  max: number;
  /** Which end is kept of a list that is too long. */
  keep: 'first' | 'last';
  noun: string;
  unique: boolean;
  /** A list with any damaged item is not trusted at all (rather than losing only that item). */
  whole: boolean;
}
interface MapRepair {
  kind: 'map';
  max: number;
  noun: string;
}
type Repair = ObjectRepair | ListRepair | MapRepair;

const repairs = new WeakMap<Schema, Repair>();
const NO_REPEATS = { message: 'expected no repeated items' };
const isUnique = (list: readonly unknown[]) => new Set(list).size === list.length;

/**
 * A map from string keys (record keys, question ids) to `value`, of at most
 * `max` entries. Recovery keeps the first `max` valid entries; a damaged
 * entry is left out, and a map that is not an object becomes `{}`. A
 * `__proto__` key is left out, as zod does (it would set the prototype).
 */
export function recordOf<T extends Schema>(value: T, max: number, noun = 'entries') {
  const schema = z
    .record(z.string(), value)
    .check(z.refine((record) => Object.keys(record).length <= max, { message: `expected at most ${max} ${noun}` }));
  repairs.set(schema, { kind: 'map', max, noun });
  return schema;
}

/**
 * A list of at most `max` items, with no item repeated if `unique`. Recovery
 * leaves out damaged items (or the whole list, if `whole`), then repeats (the
 * first of each is kept, in linear time), then keeps the first `max` items
 * (or the last, if `keep: 'last'`), reporting "at most `max` `noun`".
 */
export function listOf<T extends Schema>(
  item: T,
  {
    max,
    unique = false,
    keep = 'first',
    noun = 'items',
    whole = false,
  }: { max: number; unique?: boolean; keep?: 'first' | 'last'; noun?: string; whole?: boolean },
) {
  const schema = z
    .array(item)
    .check(z.maxLength(max), ...(unique ? [z.refine((list: unknown) => isUnique(list as unknown[]), NO_REPEATS)] : []));
  repairs.set(schema, { kind: 'list', max, keep, noun, unique, whole });
  return schema;
}

/**
 * Says how recovery repairs an object: `defaults` stand in for required
 * fields that are missing or damaged (any other required field lost leaves
 * the whole object out); `rebuild` makes a value that is not an object at all
 * count as `{}` (used for the whole progress and for its tombstones).
 */
export function repaired<T extends Schema>(
  schema: T,
  { defaults = {}, rebuild = false }: { defaults?: Record<string, unknown>; rebuild?: boolean },
): T {
  repairs.set(schema, { kind: 'object', defaults, rebuild });
  return schema;
}

/**
 * Keeps what is valid of `value` by `schema`, reporting each thing left out
 * or replaced; `undefined` when nothing of it can be kept.
 *
 * @example
 * recoverValue(lessonSchema, { firstVisitedAt: 'x', updatedAt: 3 }, 'lessons.a', report);
 * // { firstVisitedAt: 'x', updatedAt: '' }, after report('lessons.a.updatedAt', 'a string')
 */
export function recoverValue(schema: Schema, value: unknown, path: string, report: Report): unknown {
  const def = schema._zod.def as { type: string } & Record<string, unknown>;
  switch (def.type) {
    case 'optional':
      return value === undefined ? undefined : recoverValue(def.innerType as Schema, value, path, report);
    case 'object':
      return recoverObject(schema, def.shape as Record<string, Schema>, value, path, report);
    case 'record':
      return recoverMap(schema, def.valueType as Schema, value, path, report);
    case 'array':
      return recoverList(schema, def.element as Schema, value, path, report);
    default: {
      const checked = z.safeParse(schema, value);
      if (checked.success) return checked.data;
      report(path, expectedOf(checked.error.issues[0]));
      return undefined;
    }
  }
}

/** `recoverValue` from the top, collecting the problems. */
export function recover<T>(schema: Schema, value: unknown): { data: T | undefined; problems: RecoveryProblem[] } {
  const problems: RecoveryProblem[] = [];
  const data = recoverValue(schema, value, '', (path, expected) => void problems.push({ path, expected })) as
    | T
    | undefined;
  return { data, problems };
}

const at = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recoverObject(
  schema: Schema,
  shape: Record<string, Schema>,
  value: unknown,
  path: string,
  report: Report,
): Record<string, unknown> | undefined {
  const repair = repairs.get(schema);
  const { defaults, rebuild }: Omit<ObjectRepair, 'kind'> =
    repair?.kind === 'object' ? repair : { defaults: {}, rebuild: false };
  let source: Record<string, unknown>;
  if (isRecord(value)) {
    source = value;
  } else {
    report(path, 'an object');
    if (!rebuild) return undefined;
    source = {};
  }
  const result: Record<string, unknown> = {};
  let whole = true;
  for (const [key, field] of Object.entries(shape)) {
    const clean = recoverValue(field, source[key], at(path, key), report);
    if (clean !== undefined) result[key] = clean;
    else if (Object.hasOwn(defaults, key)) result[key] = structuredClone(defaults[key]);
    else if (field._zod.def.type !== 'optional') whole = false;
  }
  return whole ? result : undefined;
}

function recoverMap(
  schema: Schema,
  valueType: Schema,
  value: unknown,
  path: string,
  report: Report,
): Record<string, unknown> {
  const repair = repairs.get(schema);
  const { max, noun } = repair?.kind === 'map' ? repair : { max: Number.POSITIVE_INFINITY, noun: 'entries' };
  const result: Record<string, unknown> = {};
  if (!isRecord(value)) {
    report(path, 'an object');
    return result;
  }
  let kept = 0;
  for (const [key, entry] of Object.entries(value)) {
    if (key === '__proto__') continue;
    if (kept === max) {
      report(path, `at most ${max} ${noun}`);
      break;
    }
    const clean = recoverValue(valueType, entry, at(path, key), report);
    if (clean !== undefined) {
      result[key] = clean;
      kept += 1;
    }
  }
  return result;
}

function recoverList(
  schema: Schema,
  element: Schema,
  value: unknown,
  path: string,
  report: Report,
): unknown[] | undefined {
  if (!Array.isArray(value)) {
    report(path, 'a list');
    return undefined;
  }
  const repair = repairs.get(schema);
  const { max, keep, noun, unique, whole }: Omit<ListRepair, 'kind'> =
    repair?.kind === 'list'
      ? repair
      : { max: Number.POSITIVE_INFINITY, keep: 'first', noun: 'items', unique: false, whole: false };
  let items: unknown[] = [];
  for (const [index, item] of value.entries()) {
    const clean = recoverValue(element, item, at(path, index), report);
    if (clean !== undefined) items.push(clean);
    else if (whole) return undefined;
  }
  if (unique) {
    // Linear: a Set, not indexOf (stored data may be crafted to make the page do unbounded work).
    const once = [...new Set(items)];
    if (once.length < items.length) report(path, 'no repeated items');
    items = once;
  }
  if (items.length <= max) return items;
  report(path, `at most ${max} ${noun}`);
  return keep === 'first' ? items.slice(0, max) : items.slice(-max);
}

/**
 * The first problem of a failed parse, said plainly with where it is, e.g.
 * `exercises.jwt-auth/verify-token.attempts: expected a number` (and how many more).
 */
export function describeSchemaProblems(issues: readonly $ZodIssue[]): { path: string; text: string } {
  const [first] = issues;
  if (!first) return { path: '', text: 'the data is not valid' };
  const path = first.path.map(String).join('.');
  const more = issues.length - 1;
  const text = `${path ? `${path}: ` : ''}${describeIssue(first)}${more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''}`;
  return { path, text };
}

/** "lessons.a: expected an object (and 2 more problems)" */
export function describeRecoveryProblems(problems: readonly RecoveryProblem[]): string {
  const [first] = problems;
  if (!first) return '';
  const more = problems.length - 1;
  const where = first.path ? `${first.path}: ` : '';
  return `${where}expected ${first.expected}${more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''}`;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
};

function describeIssue(issue: $ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `expected at most ${String(issue.maximum)} items`
        : issue.origin === 'string'
          ? `expected at most ${Number(issue.maximum).toLocaleString('en-US')} characters`
          : `expected at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** What an issue says was expected, without the word "expected": "a number", "at least 0". */
function expectedOf(issue: $ZodIssue | undefined): string {
  const text = issue ? describeIssue(issue) : 'a valid value';
  return text.startsWith('expected ') ? text.slice('expected '.length) : text;
}

/** A count: a whole number, at least 0. */
export const countSchema = z.int().check(z.nonnegative());
