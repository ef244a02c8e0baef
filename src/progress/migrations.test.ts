// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import { describe, expect, it } from 'vitest';
import { ProgressMigrationError } from './errors';
import { MIGRATIONS, type Migration, migrateProgress } from './migrations';
import { PROGRESS_VERSION } from './types';

describe('MIGRATIONS', () => {
  it('is ordered by version, one step per version, ending at PROGRESS_VERSION', () => {
    const versions = MIGRATIONS.map((step) => step.to);
    expect(versions).toEqual(versions.toSorted((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(PROGRESS_VERSION);
  });

  const NO_TOMBSTONES = { exampleEdits: {}, exercises: {}, quizzes: {} };

  it('takes v1 data through the v2 step (exercises and quizzes) and the v3 step (times, tombstones)', () => {
    const v1 = { lessons: { a: { firstVisitedAt: 'x' } }, exampleEdits: { 'a/b': 'print(1)' } };
    const result = migrateProgress(v1, 1);
    expect(result.applied).toEqual([2, 3]);
    expect(result.data).toEqual({
      lessons: { a: { firstVisitedAt: 'x', updatedAt: 'x' } },
      exampleEdits: { 'a/b': { code: 'print(1)', updatedAt: '' } },
      exercises: {},
      quizzes: {},
      removed: NO_TOMBSTONES,
    });
    expect(v1).not.toHaveProperty('exercises'); // pure: the input is untouched
    expect(v1.exampleEdits['a/b']).toBe('print(1)');
  });

  it('gives v2 records the time they last changed (the oldest, "", when unknown) and edits their shape', () => {
    const v2 = {
      lessons: { a: { firstVisitedAt: 'b', completedAt: 'c' } },
      exampleEdits: { e: 'code', odd: 3 },
      exercises: { x: { attempts: 1, hintsShown: 0, solutionViewed: false } },
      quizzes: { q: { view: 'one', history: [] } },
    };
    const result = migrateProgress(v2, 2);
    expect(result.applied).toEqual([3]);
    expect(result.data).toEqual({
      lessons: { a: { firstVisitedAt: 'b', completedAt: 'c', updatedAt: 'c' } },
      exampleEdits: { e: { code: 'code', updatedAt: '' }, odd: 3 }, // left for the sanitiser
      exercises: { x: { attempts: 1, hintsShown: 0, solutionViewed: false, updatedAt: '' } },
      quizzes: { q: { view: 'one', history: [], updatedAt: '' } },
      removed: NO_TOMBSTONES,
    });
  });

  it('keeps what v1 data already has, and leaves wrong types for the sanitiser', () => {
    const exercises = { 'a/e': { attempts: 1, hintsShown: 0, solutionViewed: false } };
    expect(migrateProgress({ exercises }, 1).data).toEqual({
      exercises: { 'a/e': { ...exercises['a/e'], updatedAt: '' } },
      quizzes: {},
      lessons: undefined,
      exampleEdits: undefined,
      removed: NO_TOMBSTONES,
    });
    expect(migrateProgress({ exercises: 'junk' }, 1).data).toMatchObject({ exercises: 'junk', quizzes: {} });
    expect(migrateProgress('not an object', 1).data).toBe('not an object');
  });

  it('does nothing to data already at the current version, or newer', () => {
    const data = { lessons: {} };
    expect(migrateProgress(data, PROGRESS_VERSION)).toEqual({ data, applied: [] });
    expect(migrateProgress(data, PROGRESS_VERSION + 3)).toEqual({ data, applied: [] });
  });
});

describe('migrateProgress with a made-up chain', () => {
  const trail = (name: string) => (data: unknown) => [...(data as string[]), name];
  const chain: Migration[] = [
    { to: 2, migrate: trail('to 2') },
    { to: 3, migrate: trail('to 3') },
    { to: 4, migrate: trail('to 4') },
    { to: 5, migrate: trail('to 5') },
  ];

  it('applies the steps above the stored version in order, up to the target', () => {
    expect(migrateProgress([], 1, { migrations: chain, toVersion: 5 })).toEqual({
      data: ['to 2', 'to 3', 'to 4', 'to 5'],
      applied: [2, 3, 4, 5],
    });
    expect(migrateProgress([], 3, { migrations: chain, toVersion: 5 }).data).toEqual(['to 4', 'to 5']);
    expect(migrateProgress([], 1, { migrations: chain, toVersion: 3 }).data).toEqual(['to 2', 'to 3']);
  });

  it('reports a step that throws as a ProgressMigrationError naming the step', () => {
    const broken: Migration[] = [
      chain[0] as Migration,
      {
        to: 3,
        migrate: () => {
          throw new TypeError('nope');
        },
      },
    ];
    let error: unknown;
    try {
      migrateProgress([], 1, { migrations: broken, toVersion: 3 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProgressMigrationError);
    expect(error).toMatchObject({ code: 'ERR_MIGRATION', toVersion: 3 });
  });
});
