import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { countSchema, listOf, recordOf, recover, repaired } from './recover';

/*
 * The generic recovery on a made-up record: each repair rule the record kinds use, and
 * that what comes out passes the strict schema.
 */
const item = repaired(z.object({ name: z.string(), size: countSchema, note: z.optional(z.string()) }), {
  defaults: { size: 0 },
});
const schema = repaired(
  z.object({
    items: recordOf(item, 2),
    tags: listOf(z.string(), { max: 2, unique: true }),
    latest: listOf(countSchema, { max: 2, keep: 'last', noun: 'numbers' }),
    whole: z.optional(listOf(countSchema, { max: 3, whole: true })),
  }),
  { rebuild: true, defaults: { tags: [], latest: [] } },
);

describe('recover', () => {
  it('keeps valid data as it is, with no problem', () => {
    const value = { items: { a: { name: 'x', size: 1 } }, tags: ['t'], latest: [1, 2], whole: [0] };
    expect(recover(schema, value)).toEqual({ data: value, problems: [] });
  });

  it('rebuilds a value that is not an object, saying what is missing where', () => {
    expect(recover(schema, 'x')).toEqual({
      data: { items: {}, tags: [], latest: [] },
      problems: [
        { path: '', expected: 'an object' },
        { path: 'items', expected: 'an object' },
        { path: 'tags', expected: 'a list' },
        { path: 'latest', expected: 'a list' },
      ],
    });
  });

  it('uses defaults for damaged fields, leaves out damaged optional ones, and drops objects missing the rest', () => {
    const { data, problems } = recover(schema, {
      items: { a: { name: 'x', size: -1, note: 3 }, b: { size: 2 }, c: { name: 'y', size: 0.5 } },
      tags: [],
      latest: [],
    });
    expect(data).toEqual({ items: { a: { name: 'x', size: 0 }, c: { name: 'y', size: 0 } }, tags: [], latest: [] });
    expect(problems).toEqual([
      { path: 'items.a.size', expected: 'at least 0' },
      { path: 'items.a.note', expected: 'a string' },
      { path: 'items.b.name', expected: 'a string' },
      { path: 'items.c.size', expected: 'a whole number' },
    ]);
  });

  it('keeps at most the entries a map may have, and never a __proto__ key', () => {
    const items = JSON.parse('{"__proto__": {"name": "p", "size": 1}, "a": 1, "b": {"name": "b", "size": 1}}');
    Object.assign(items, { c: { name: 'c', size: 1 }, d: { name: 'd', size: 1 } });
    const { data, problems } = recover<{ items: object }>(schema, { items, tags: [], latest: [] });
    expect(Object.keys(data?.items ?? {})).toEqual(['b', 'c']);
    expect(Object.getPrototypeOf(data?.items)).toBe(Object.prototype);
    expect(problems).toEqual([
      { path: 'items.a', expected: 'an object' },
      { path: 'items', expected: 'at most 2 entries' },
    ]);
  });

  it('repairs lists: damaged items out, repeats out, then the first or last items kept', () => {
    const { data, problems } = recover(schema, {
      items: {},
      tags: ['a', 1, 'a', 'b', 'c'],
      latest: [1, 2, 3],
      whole: [0, 'x', 1],
    });
    expect(data).toEqual({ items: {}, tags: ['a', 'b'], latest: [2, 3] });
    expect(problems).toEqual([
      { path: 'tags.1', expected: 'a string' },
      { path: 'tags', expected: 'no repeated items' },
      { path: 'tags', expected: 'at most 2 items' },
      { path: 'latest', expected: 'at most 2 numbers' },
      { path: 'whole.1', expected: 'a number' },
    ]);
    expect(schema.safeParse(data).success).toBe(true);
  });
});
