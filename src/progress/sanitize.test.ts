// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLE_QUIZ } from '../quiz/testQuiz';
import { importProgress } from './importProgress';
import { emptyProgress } from './records';
import { describeSanitizeProblems, sanitizeProgress, sanitizeProgressReporting } from './sanitize';
import { progressDataSchema } from './schema';
import { PROGRESS_LIMITS, PROGRESS_VERSION } from './types';

/**
 * Progress-shaped values: valid ones, or (`damaged`) ones where any field may
 * be missing or of another type, so that every branch of the sanitiser is
 * reached, not only "not an object".
 */
function progressLike(damaged: boolean) {
  const scalar = fc.oneof(
    fc.string({ maxLength: 3 }),
    fc.integer({ min: -2, max: 3 }),
    fc.boolean(),
    fc.constant(null),
    fc.double(),
  );
  const junk = fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 2 }), scalar, { maxKeys: 2 }),
  );
  const maybe = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> => (damaged ? fc.oneof(valid, junk) : valid);
  const object = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T, required: Array<keyof T>) =>
    fc.record(fields, { requiredKeys: damaged ? [] : (required as never[]) });
  const text = fc.string({ maxLength: 2 });
  const key = fc.constantFrom('a', 'b', 'jwt-auth/verify-token', 'constructor', '__proto__');
  // Valid lists never repeat an item; damaged ones may.
  const list = <T>(item: fc.Arbitrary<T>) =>
    damaged ? fc.array(maybe(item), { maxLength: 3 }) : fc.uniqueArray(item, { maxLength: 3 });
  const indexes = maybe(list(fc.nat(3)));
  const attempt = object(
    {
      id: maybe(text),
      seed: maybe(fc.integer()),
      scope: maybe(fc.constantFrom('all', 'missed')),
      basedOn: maybe(text),
      startedAt: maybe(text),
      finishedAt: maybe(text),
      questionIds: maybe(list(text)),
      optionOrder: maybe(fc.dictionary(text, indexes, { maxKeys: 2 })),
      answers: maybe(fc.dictionary(text, indexes, { maxKeys: 2 })),
      checked: maybe(list(text)),
      score: maybe(
        object(
          {
            correct: maybe(fc.nat(3)),
            total: maybe(fc.nat(3)),
            percent: maybe(fc.nat(100)),
            passed: maybe(fc.boolean()),
          },
          ['correct', 'total', 'percent', 'passed'],
        ),
      ),
    },
    ['id', 'seed', 'scope', 'startedAt', 'questionIds', 'optionOrder', 'answers', 'checked'],
  );
  const exercise = object(
    {
      attempts: maybe(fc.nat(3)),
      hintsShown: maybe(fc.nat(3)),
      solutionViewed: maybe(fc.boolean()),
      passedAt: maybe(text),
      draft: maybe(
        object({ code: maybe(text), mode: maybe(fc.constantFrom('blanks', 'free')), savedAt: maybe(text) }, [
          'code',
          'mode',
          'savedAt',
        ]),
      ),
      lastResult: maybe(
        object(
          { passed: maybe(fc.boolean()), passedCount: maybe(fc.nat(3)), totalCount: maybe(fc.nat(3)), at: maybe(text) },
          ['passed', 'passedCount', 'totalCount', 'at'],
        ),
      ),
      updatedAt: maybe(text),
    },
    ['attempts', 'hintsShown', 'solutionViewed', 'updatedAt'],
  );
  const quiz = object(
    {
      view: maybe(fc.constantFrom('one', 'all')),
      current: maybe(attempt),
      history: maybe(fc.array(maybe(attempt), { maxLength: 3 })),
      passedAt: maybe(text),
      updatedAt: maybe(text),
    },
    ['view', 'history', 'updatedAt'],
  );
  const lesson = object({ firstVisitedAt: maybe(text), completedAt: maybe(text), updatedAt: maybe(text) }, [
    'firstVisitedAt',
    'updatedAt',
  ]);
  const exampleEdit = object({ code: maybe(fc.string({ maxLength: 3 })), updatedAt: maybe(text) }, [
    'code',
    'updatedAt',
  ]);
  const tombstones = maybe(fc.dictionary(key, maybe(text), { maxKeys: 2 }));
  return object(
    {
      lessons: maybe(fc.dictionary(key, maybe(lesson), { maxKeys: 3 })),
      exampleEdits: maybe(fc.dictionary(key, maybe(exampleEdit), { maxKeys: 3 })),
      exercises: maybe(fc.dictionary(key, maybe(exercise), { maxKeys: 3 })),
      quizzes: maybe(fc.dictionary(key, maybe(quiz), { maxKeys: 3 })),
      removed: maybe(
        object({ exampleEdits: tombstones, exercises: tombstones, quizzes: tombstones }, [
          'exampleEdits',
          'exercises',
          'quizzes',
        ]),
      ),
    },
    ['lessons', 'exampleEdits', 'exercises', 'quizzes', 'removed'],
  );
}

/** Through JSON, as stored data is (a `__proto__` key is then an own property). */
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');
/**
 * JSON text with sorted keys and no `__proto__` keys (which sanitising drops,
 * as zod does), to compare exactly: `toStrictEqual` would trip over a record
 * key named "constructor".
 */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (key, entry: unknown) => {
    if (key === '__proto__') return undefined;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
    return Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : 1)));
  });

describe('sanitizeProgress properties', () => {
  it('always gives data the strict schema accepts (so recovered data loads clean next time), and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(progressLike(true), progressLike(false), fc.jsonValue()), (value) => {
        const clean = sanitizeProgress(throughJson(value));
        const checked = progressDataSchema().safeParse(clean);
        expect(checked.success ? [] : checked.error.issues).toEqual([]);
        expect(sanitizeProgress(throughJson(clean))).toEqual(clean);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps valid data exactly as it is', () => {
    fc.assert(
      fc.property(progressLike(false), (value) => {
        const stored = throughJson(value);
        expect(progressDataSchema().safeParse(stored).success).toBe(true);
        expect(canonical(sanitizeProgress(stored))).toBe(canonical(stored));
      }),
      { numRuns: 500 },
    );
  });

  it('reports a problem exactly when the strict schema finds one, and changes only data with problems', () => {
    fc.assert(
      fc.property(fc.oneof(progressLike(true), progressLike(false), fc.jsonValue()), (value) => {
        const stored = throughJson(value);
        const { data, problems } = sanitizeProgressReporting(stored);
        const strict = progressDataSchema().safeParse(stored);
        expect(problems.length === 0).toBe(strict.success);
        if (strict.success) expect(canonical(data)).toBe(canonical(stored));
        else expect(canonical(data)).not.toBe(canonical(stored));
      }),
      { numRuns: 2000 },
    );
  });

  it('says where the first problem is, as the import does', () => {
    const { problems } = sanitizeProgressReporting({
      lessons: { a: { firstVisitedAt: 'x', updatedAt: 'x' } },
      exampleEdits: {},
      exercises: {
        'jwt-auth/verify-token': { attempts: 'three', hintsShown: -1, solutionViewed: false, updatedAt: '' },
      },
      quizzes: {
        q: { view: 'one', history: [{ ...SAMPLE_QUIZ.history[0], answers: { q1: [0.5] } }], updatedAt: '' },
      },
      removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
    });
    expect(problems).toEqual([
      { path: 'exercises.jwt-auth/verify-token.attempts', expected: 'a number' },
      { path: 'exercises.jwt-auth/verify-token.hintsShown', expected: 'at least 0' },
      { path: 'quizzes.q.history.0.answers.q1.0', expected: 'a whole number' },
    ]);
    expect(describeSanitizeProblems(problems)).toBe(
      'exercises.jwt-auth/verify-token.attempts: expected a number (and 2 more problems)',
    );
  });

  it('drops a __proto__ key on import too, never setting a prototype', () => {
    const file = (data: unknown) => JSON.stringify({ format: 'flask-course-progress', version: 2, data });
    const clean = { lessons: {}, exampleEdits: {}, exercises: {}, quizzes: { q: SAMPLE_QUIZ } };
    expect(importProgress(file(clean))).toMatchObject({ ok: true, data: clean });
    const result = importProgress(file({ ...clean, exampleEdits: JSON.parse('{"__proto__": "x", "a": "y"}') }));
    expect(result).toMatchObject({ ok: true, data: { exampleEdits: { a: { code: 'y', updatedAt: '' } } } });
    if (result.ok) {
      expect(Object.keys(result.data.exampleEdits)).toEqual(['a']);
      expect(Object.getPrototypeOf(result.data.exampleEdits)).toBe(Object.prototype);
    }
  });
});

describe('limits on code and on the number of records', () => {
  const { codeChars, recordsPerKind } = PROGRESS_LIMITS;
  const at = '2026-12-04T10:00:00.000Z';

  it('leaves out code longer than the limit, says where, and keeps code at the limit', () => {
    const stored = {
      ...emptyProgress(),
      exampleEdits: {
        long: { code: 'x'.repeat(codeChars + 1), updatedAt: at },
        fits: { code: 'y'.repeat(codeChars), updatedAt: at },
      },
      exercises: {
        e: {
          attempts: 0,
          hintsShown: 0,
          solutionViewed: false,
          updatedAt: at,
          draft: { code: 'z'.repeat(codeChars + 1), mode: 'free', savedAt: at },
        },
      },
    };
    const { data, problems } = sanitizeProgressReporting(stored);
    expect(Object.keys(data.exampleEdits)).toEqual(['fits']);
    expect(data.exercises.e?.draft).toBeUndefined();
    expect(problems).toEqual([
      { path: 'exampleEdits.long.code', expected: 'at most 100,000 characters' },
      { path: 'exercises.e.draft.code', expected: 'at most 100,000 characters' },
    ]);
    expect(progressDataSchema().safeParse(stored).success).toBe(false);
    expect(progressDataSchema().safeParse(data).success).toBe(true);
  });

  it(`keeps at most ${recordsPerKind} records of a kind, in linear time`, () => {
    const many = Object.fromEntries(
      Array.from({ length: 50_000 }, (_, index) => [`l${index}`, { firstVisitedAt: at, updatedAt: at }]),
    );
    const { data, problems } = sanitizeProgressReporting({ ...emptyProgress(), lessons: many });
    expect(Object.keys(data.lessons)).toHaveLength(recordsPerKind);
    expect(problems).toEqual([{ path: 'lessons', expected: `at most ${recordsPerKind} entries` }]);
    expect(progressDataSchema().safeParse({ ...emptyProgress(), lessons: many }).success).toBe(false);
  });

  it('refuses an import with over-long code, saying why', () => {
    const file = JSON.stringify({
      format: 'flask-course-progress',
      version: PROGRESS_VERSION,
      data: { ...emptyProgress(), exampleEdits: { a: { code: 'x'.repeat(codeChars + 1), updatedAt: at } } },
    });
    expect(importProgress(file)).toMatchObject({
      ok: false,
      code: 'ERR_IMPORT_INVALID',
      reason: expect.stringMatching(/^exampleEdits\.a\.code: expected at most 100,000 characters/),
    });
  });
});
