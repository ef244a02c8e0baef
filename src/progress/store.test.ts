// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import { describe, expect, it } from 'vitest';
import { SAMPLE_QUIZ } from '../quiz/testQuiz';
import { emptyProgress } from './records';
import { createProgressStore, lessonStatus, PROGRESS_STORAGE_KEY, PROGRESS_VERSION, sanitizeProgress } from './store';
import { fakeStorage, storedJson } from './testing';
import { PROGRESS_LIMITS } from './types';

const NOW = new Date('2026-11-29T10:00:00Z');

describe('progress store', () => {
  it('records a first visit once, with the injected clock, and persists it versioned', () => {
    const storage = fakeStorage();
    const store = createProgressStore(() => storage);
    store.getState().markVisited('jwt-auth', NOW);
    store.getState().markVisited('jwt-auth', new Date('2030-01-01T00:00:00Z'));
    expect(lessonStatus(store.getState(), 'jwt-auth')).toBe('in-progress');
    expect(lessonStatus(store.getState(), 'other')).toBe('not-started');
    expect(storedJson(storage, PROGRESS_STORAGE_KEY)).toEqual({
      state: {
        lessons: { 'jwt-auth': { firstVisitedAt: NOW.toISOString(), updatedAt: NOW.toISOString() } },
        exampleEdits: {},
        exercises: {},
        quizzes: {},
        removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
      },
      version: PROGRESS_VERSION,
    });
    expect(PROGRESS_VERSION).toBe(3);
  });

  it('restores stored progress on start, without a notice or a write', () => {
    const stored = {
      state: {
        lessons: { a: { firstVisitedAt: 'x', completedAt: 'y', updatedAt: 'y' } },
        exampleEdits: {},
        exercises: {},
        quizzes: {},
        removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
      },
      version: PROGRESS_VERSION,
    };
    const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify(stored) });
    const store = createProgressStore(() => storage);
    expect(lessonStatus(store.getState(), 'a')).toBe('complete');
    expect(store.getState().storageNotice).toBeUndefined();
    expect(storage.writes).toEqual([]);
  });

  it('keeps example edits, forgets them on reset, and drops edits that are not text', () => {
    const storage = fakeStorage();
    const store = createProgressStore(() => storage);
    store.getState().setExampleEdit('jwt-auth/a', 'print(1)', NOW);
    expect(
      (storedJson(storage, PROGRESS_STORAGE_KEY) as { state: { exampleEdits: unknown } }).state.exampleEdits,
    ).toEqual({
      'jwt-auth/a': { code: 'print(1)', updatedAt: NOW.toISOString() },
    });
    const later = new Date(NOW.getTime() + 1000);
    store.getState().setExampleEdit('jwt-auth/a', undefined, later);
    expect(store.getState().exampleEdits).toEqual({});
    // The reset leaves a tombstone, so that other tabs forget the edit too.
    expect(store.getState().removed.exampleEdits).toEqual({ 'jwt-auth/a': later.toISOString() });
    expect(
      sanitizeProgress({ exampleEdits: { a: { code: 'x', updatedAt: '' }, b: 3, c: { code: 3 } } }).exampleEdits,
    ).toEqual({ a: { code: 'x', updatedAt: '' } });
  });

  it('records the completion of a lesson once, visiting it if needed', () => {
    const store = createProgressStore(() => fakeStorage());
    store.getState().markCompleted('jwt-auth', NOW);
    store.getState().markCompleted('jwt-auth', new Date('2030-01-01T00:00:00Z'));
    expect(store.getState().lessons['jwt-auth']).toEqual({
      firstVisitedAt: NOW.toISOString(),
      completedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    store.getState().markVisited('other', NOW);
    store.getState().markCompleted('other', new Date('2026-12-01T00:00:00Z'));
    expect(store.getState().lessons.other).toEqual({
      firstVisitedAt: '2026-11-29T10:00:00.001Z', // the clock never repeats a time it stamped
      completedAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
    });
  });

  it('does not save when only the notice changes', () => {
    const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: '{not json' });
    const store = createProgressStore(() => storage);
    const writes = storage.writes.length;
    store.getState().dismissNotice();
    expect(store.getState().storageNotice).toBeUndefined();
    expect(storage.writes).toHaveLength(writes);
  });
});

describe('sanitizeProgress', () => {
  it.each([null, 3, 'text', [], { lessons: [] }, { lessons: null }])('turns %j into empty progress', (value) => {
    expect(sanitizeProgress(value)).toEqual({
      lessons: {},
      exampleEdits: {},
      exercises: {},
      quizzes: {},
      removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
    });
  });

  it('never copies a __proto__ key (it would set the prototype instead)', () => {
    const data = sanitizeProgress(
      JSON.parse(
        '{"exampleEdits": {"__proto__": {"code": "x", "updatedAt": ""}, "a": {"code": "y", "updatedAt": ""}}}',
      ),
    );
    expect(data.exampleEdits).toEqual({ a: { code: 'y', updatedAt: '' } });
    expect(Object.getPrototypeOf(data.exampleEdits)).toBe(Object.prototype);
  });
});

describe('resets and replacement', () => {
  it('forgets everything on Reset all, and records when', () => {
    const storage = fakeStorage();
    const store = createProgressStore(() => storage);
    store.getState().markVisited('jwt-auth', NOW);
    store.getState().setExampleEdit('jwt-auth/a', 'x', NOW);
    store.getState().recordHintsShown('jwt-auth/e', 1, NOW);
    store.getState().saveQuizProgress('jwt-auth/q', SAMPLE_QUIZ, NOW);
    const RESET = new Date('2026-11-29T11:00:00Z');
    store.getState().resetAllProgress(RESET);
    const { lessons, exampleEdits, exercises, quizzes, replacedAt } = store.getState();
    expect({ lessons, exampleEdits, exercises, quizzes, replacedAt }).toEqual({
      lessons: {},
      exampleEdits: {},
      exercises: {},
      quizzes: {},
      replacedAt: RESET.toISOString(),
    });
    expect(storedJson(storage, PROGRESS_STORAGE_KEY)).toEqual({
      state: {
        lessons: {},
        exampleEdits: {},
        exercises: {},
        quizzes: {},
        removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
      },
      version: PROGRESS_VERSION,
      replacedAt: RESET.toISOString(),
    });
  });

  it('replaces everything with imported data', () => {
    const store = createProgressStore(() => fakeStorage());
    store.getState().markVisited('old', new Date('2026-11-29T09:00:00Z'));
    store
      .getState()
      .replaceProgress({ ...emptyProgress(), lessons: { new: { firstVisitedAt: 'x', updatedAt: 'x' } } }, NOW);
    // Imported records count as made at the import, so that other tabs keep them.
    expect(store.getState().lessons).toEqual({ new: { firstVisitedAt: 'x', updatedAt: NOW.toISOString() } });
    expect(store.getState().replacedAt).toBe(NOW.toISOString());
  });

  it('never stores code past the limit: an example edit or a draft that long is refused', () => {
    const store = createProgressStore(() => fakeStorage());
    const long = 'x'.repeat(PROGRESS_LIMITS.codeChars + 1);
    store.getState().setExampleEdit('l/e', 'print(1)', NOW);
    store.getState().setExampleEdit('l/e', long, NOW);
    expect(store.getState().exampleEdits['l/e']?.code).toBe('print(1)');
    store.getState().saveExerciseDraft('l/x', { code: long, mode: 'free' }, NOW);
    expect(store.getState().exercises['l/x']?.draft).toBeUndefined();
    store.getState().saveExerciseDraft('l/x', { code: 'y'.repeat(PROGRESS_LIMITS.codeChars), mode: 'free' }, NOW);
    expect(store.getState().exercises['l/x']?.draft?.code).toHaveLength(PROGRESS_LIMITS.codeChars);
  });
});
