import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createProgressStore, lessonStatus, PROGRESS_STORAGE_KEY, PROGRESS_VERSION, sanitizeProgress } from './store';

function fakeStorage(initial: Record<string, string> = {}): StateStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const NOW = new Date('2026-11-29T10:00:00Z');

describe('progress store', () => {
  it('records a first visit once, with the injected clock, and persists it versioned', () => {
    const storage = fakeStorage();
    const store = createProgressStore(() => storage);
    store.getState().markVisited('jwt-auth', NOW);
    store.getState().markVisited('jwt-auth', new Date('2030-01-01T00:00:00Z'));
    expect(lessonStatus(store.getState(), 'jwt-auth')).toBe('in-progress');
    expect(lessonStatus(store.getState(), 'other')).toBe('not-started');
    expect(JSON.parse(storage.data.get(PROGRESS_STORAGE_KEY) ?? '')).toEqual({
      state: { lessons: { 'jwt-auth': { firstVisitedAt: NOW.toISOString() } }, exampleEdits: {}, exercises: {} },
      version: PROGRESS_VERSION,
    });
  });

  it('restores stored progress on start', () => {
    const stored = { state: { lessons: { a: { firstVisitedAt: 'x', completedAt: 'y' } } }, version: PROGRESS_VERSION };
    const store = createProgressStore(() => fakeStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify(stored) }));
    expect(lessonStatus(store.getState(), 'a')).toBe('complete');
  });

  it('starts empty instead of crashing on corrupt JSON', () => {
    const store = createProgressStore(() => fakeStorage({ [PROGRESS_STORAGE_KEY]: '{not json' }));
    expect(store.getState().lessons).toEqual({});
  });

  it('keeps what is valid from data of the wrong shape or a future version', () => {
    const stored = {
      state: { lessons: { good: { firstVisitedAt: 'x' }, bad: 42, worse: { firstVisitedAt: 7 } } },
      version: PROGRESS_VERSION + 5,
    };
    const store = createProgressStore(() => fakeStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify(stored) }));
    expect(store.getState().lessons).toEqual({ good: { firstVisitedAt: 'x' } });
  });

  it('keeps example edits, forgets them on reset, and drops edits that are not text', () => {
    const storage = fakeStorage();
    const store = createProgressStore(() => storage);
    store.getState().setExampleEdit('jwt-auth/a', 'print(1)');
    expect(JSON.parse(storage.data.get(PROGRESS_STORAGE_KEY) ?? '').state.exampleEdits).toEqual({
      'jwt-auth/a': 'print(1)',
    });
    store.getState().setExampleEdit('jwt-auth/a', undefined);
    expect(store.getState().exampleEdits).toEqual({});
    expect(sanitizeProgress({ exampleEdits: { a: 'x', b: 3 } }).exampleEdits).toEqual({ a: 'x' });
  });

  it('works in memory when storage is unavailable', () => {
    const store = createProgressStore(() => {
      throw new Error('localStorage is disabled');
    });
    store.getState().markVisited('jwt-auth', NOW);
    expect(lessonStatus(store.getState(), 'jwt-auth')).toBe('in-progress');
  });
});

describe('sanitizeProgress', () => {
  it.each([null, 3, 'text', [], { lessons: [] }, { lessons: null }])('turns %j into empty progress', (value) => {
    expect(sanitizeProgress(value)).toEqual({ lessons: {}, exampleEdits: {}, exercises: {} });
  });
});

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
    state().recordHintsShown(KEY, 2);
    state().recordHintsShown(KEY, 1);
    state().recordSolutionViewed(KEY);
    state().saveExerciseDraft(KEY, undefined);
    expect(state().exercises[KEY]).toEqual({
      attempts: 3,
      hintsShown: 2,
      solutionViewed: true,
      passedAt: later.toISOString(),
      lastResult: { passed: false, passedCount: 17, totalCount: 18, at: '2026-11-30T00:00:00.000Z' },
    });
    // Persisted, and read back the same by a new store (a reload).
    expect(createProgressStore(() => storage).getState().exercises[KEY]).toEqual(state().exercises[KEY]);
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
      good: { attempts: 2, hintsShown: 1, solutionViewed: true, draft: { code: 'c', mode: 'blanks', savedAt: 's' } },
      odd: { attempts: 0, hintsShown: 0, solutionViewed: false },
    });
  });
});
