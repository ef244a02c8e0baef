// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import { describe, expect, it } from 'vitest';
import { createProgressStore, sanitizeProgress } from '../progress';
import { mergeProgress } from '../progress/merge';
import { emptyProgress, type ProgressData } from '../progress/records';
import { fakeStorage } from '../progress/testing';
import type { ExerciseProgress } from './progress';

const NOW = new Date('2026-11-29T10:00:00Z');
const T = (minute: number) => `2026-11-29T10:${String(minute).padStart(2, '0')}:00.000Z`;
const progress = (data: Partial<ProgressData>): ProgressData => ({ ...emptyProgress(), ...data });

describe('exercise records', () => {
  const KEY = 'jwt-auth/verify-token';

  it('saves and forgets a draft, counts attempts, hints and the first pass', () => {
    const storage = fakeStorage();
    const store = createProgressStore(() => storage);
    const state = () => store.getState();
    state().saveExerciseDraft(KEY, { code: 'x = 1', mode: 'free' }, NOW);
    expect(state().exercises[KEY]?.draft).toEqual({ code: 'x = 1', mode: 'free', savedAt: NOW.toISOString() });
    state().recordExerciseCheck(KEY, { passed: false, passedCount: 3, totalCount: 18 }, NOW);
    const later = new Date('2026-11-29T11:00:00Z');
    state().recordExerciseCheck(KEY, { passed: true, passedCount: 18, totalCount: 18 }, later);
    state().recordExerciseCheck(
      KEY,
      { passed: false, passedCount: 17, totalCount: 18 },
      new Date('2026-11-30T00:00:00Z'),
    );
    const last = new Date('2026-11-30T01:00:00Z');
    state().recordHintsShown(KEY, 2, last);
    state().recordHintsShown(KEY, 1, last);
    state().recordSolutionViewed(KEY, last);
    state().saveExerciseDraft(KEY, undefined, last);
    expect(state().exercises[KEY]).toEqual({
      attempts: 3,
      hintsShown: 2,
      solutionViewed: true,
      passedAt: later.toISOString(),
      lastResult: { passed: false, passedCount: 17, totalCount: 18, at: '2026-11-30T00:00:00.000Z' },
      updatedAt: '2026-11-30T01:00:00.003Z', // each change is stamped later than the one before
    });
    // Persisted, and read back the same by a new store (a reload).
    expect(createProgressStore(() => storage).getState().exercises[KEY]).toEqual(state().exercises[KEY]);
  });

  it('forgets an exercise whole on reset, and only that one', () => {
    const storage = fakeStorage();
    const store = createProgressStore(() => storage);
    store.getState().saveExerciseDraft(KEY, { code: 'x', mode: 'blanks' }, NOW);
    store.getState().recordExerciseCheck(KEY, { passed: true, passedCount: 1, totalCount: 1 }, NOW);
    store.getState().recordHintsShown('jwt-auth/other', 1, NOW);
    store.getState().resetExercise(KEY, NOW);
    expect(store.getState().exercises).toEqual({
      'jwt-auth/other': { attempts: 0, hintsShown: 1, solutionViewed: false, updatedAt: '2026-11-29T10:00:00.002Z' },
    });
    expect(store.getState().removed.exercises).toEqual({ [KEY]: '2026-11-29T10:00:00.003Z' });
    expect(createProgressStore(() => storage).getState().exercises[KEY]).toBeUndefined();
    // A reset of a record this tab does not hold still leaves its tombstone: another tab may hold it.
    store.getState().resetExercise('never-seen', NOW);
    expect(store.getState().removed.exercises).toHaveProperty(['never-seen']);
  });

  it('keeps what is valid of a damaged exercise record', () => {
    expect(
      sanitizeProgress({
        exercises: {
          good: {
            attempts: 2,
            hintsShown: 1,
            solutionViewed: true,
            draft: { code: 'c', mode: 'blanks', savedAt: 's' },
            updatedAt: 's',
          },
          odd: {
            attempts: -1,
            hintsShown: 'two',
            draft: { code: 5, mode: 'free' },
            passedAt: 7,
            lastResult: { passed: 'yes' },
          },
          junk: 'nope',
        },
      }).exercises,
    ).toEqual({
      good: {
        attempts: 2,
        hintsShown: 1,
        solutionViewed: true,
        draft: { code: 'c', mode: 'blanks', savedAt: 's' },
        updatedAt: 's',
      },
      odd: { attempts: 0, hintsShown: 0, solutionViewed: false, updatedAt: '' },
    });
  });
});

describe('merging two copies of an exercise record', () => {
  it('keeps the newer copy of an exercise whole', () => {
    const older: ExerciseProgress = { attempts: 5, hintsShown: 0, solutionViewed: false, updatedAt: T(1) };
    const newer: ExerciseProgress = { attempts: 1, hintsShown: 0, solutionViewed: false, updatedAt: T(2) };
    expect(
      mergeProgress(progress({ exercises: { e: older } }), progress({ exercises: { e: newer } })).exercises.e,
    ).toBe(newer);
  });

  it('merges two copies of an exercise changed together part by part: larger counters, newer draft and result, first pass', () => {
    const mine: ExerciseProgress = {
      attempts: 4,
      hintsShown: 1,
      solutionViewed: false,
      draft: { code: 'newer draft', mode: 'free', savedAt: T(20) },
      passedAt: T(12),
      lastResult: { passed: true, passedCount: 3, totalCount: 3, at: T(12) },
      updatedAt: T(20),
    };
    const theirs: ExerciseProgress = {
      attempts: 2,
      hintsShown: 3,
      solutionViewed: true,
      draft: { code: 'older draft', mode: 'blanks', savedAt: T(10) },
      passedAt: T(11),
      lastResult: { passed: false, passedCount: 1, totalCount: 3, at: T(15) },
      updatedAt: T(20),
    };
    expect(
      mergeProgress(progress({ exercises: { e: mine } }), progress({ exercises: { e: theirs } })).exercises.e,
    ).toEqual({
      attempts: 4,
      hintsShown: 3,
      solutionViewed: true,
      draft: mine.draft,
      passedAt: T(11),
      lastResult: theirs.lastResult,
      updatedAt: T(20),
    });
    // A draft only one side has is kept.
    const { draft: _none, ...withoutDraft } = mine;
    expect(
      mergeProgress(progress({ exercises: { e: withoutDraft } }), progress({ exercises: { e: theirs } })).exercises.e
        ?.draft,
    ).toEqual(theirs.draft);
  });
});
