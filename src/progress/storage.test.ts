// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { ProgressStorageError } from './errors';
import { MEMORY_ONLY_DETAIL } from './persisted';
import { createSafeStorage } from './storage';
import { createProgressStore, lessonStatus, PROGRESS_STORAGE_KEY, PROGRESS_VERSION } from './store';
import { fakeStorage, storedJson } from './testing';

const NOW = new Date('2026-11-29T10:00:00Z');

describe('createSafeStorage', () => {
  it('reads, writes and removes through a working storage', () => {
    const storage = fakeStorage();
    const safe = createSafeStorage(() => storage);
    expect(safe.write('k', 'v')).toEqual({ ok: true, value: undefined });
    expect(safe.read('k')).toEqual({ ok: true, value: 'v' });
    expect(safe.remove('k')).toEqual({ ok: true, value: undefined });
    expect(safe.read('k')).toEqual({ ok: true, value: null });
  });

  it('turns every kind of failure into a result with a code', () => {
    const blocked = createSafeStorage(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const read = blocked.read('k');
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error).toBeInstanceOf(ProgressStorageError);
      expect(read.error).toMatchObject({ code: 'ERR_STORAGE_UNAVAILABLE', operation: 'access' });
    }
    expect(blocked.write('k', 'v')).toMatchObject({ ok: false, error: { code: 'ERR_STORAGE_UNAVAILABLE' } });
    expect(createSafeStorage(() => null as unknown as StateStorage).read('k')).toMatchObject({
      ok: false,
      error: { code: 'ERR_STORAGE_UNAVAILABLE' },
    });

    const storage = fakeStorage();
    const safe = createSafeStorage(() => storage);
    storage.failReads = true;
    expect(safe.read('k')).toMatchObject({
      ok: false,
      error: { code: 'ERR_STORAGE_READ', operation: 'read', key: 'k' },
    });
    storage.failWrites = 'quota';
    expect(safe.write('k', 'v')).toMatchObject({ ok: false, error: { code: 'ERR_STORAGE_FULL', operation: 'write' } });
    storage.failWrites = 'other';
    expect(safe.write('k', 'v')).toMatchObject({ ok: false, error: { code: 'ERR_STORAGE_WRITE' } });

    const legacyQuota = createSafeStorage(() => ({
      ...fakeStorage(),
      setItem: () => {
        throw Object.assign(new Error('full'), { code: 22 });
      },
    }));
    expect(legacyQuota.write('k', 'v')).toMatchObject({ ok: false, error: { code: 'ERR_STORAGE_FULL' } });

    const asyncStorage = createSafeStorage(() => ({ ...fakeStorage(), getItem: async () => 'v' }));
    expect(asyncStorage.read('k')).toMatchObject({ ok: false, error: { code: 'ERR_STORAGE_ASYNC' } });
  });

  it('asks for the storage once', () => {
    let asked = 0;
    const safe = createSafeStorage(() => {
      asked += 1;
      throw new Error('disabled');
    });
    safe.read('a');
    safe.write('a', 'b');
    expect(asked).toBe(1);
  });
});

/** Every action, so that a test can prove each keeps working without storage. */
function useEveryAction(store: ReturnType<typeof createProgressStore>) {
  const state = store.getState;
  state().markVisited('jwt-auth', NOW);
  state().setExampleEdit('jwt-auth/a', 'print(2)');
  state().saveExerciseDraft('jwt-auth/e', { code: 'x', mode: 'free' }, NOW);
  state().recordExerciseCheck('jwt-auth/e', { passed: true, passedCount: 2, totalCount: 2 }, NOW);
  state().recordHintsShown('jwt-auth/e', 1);
  state().recordSolutionViewed('jwt-auth/e');
  state().saveQuizProgress('jwt-auth/q', { view: 'all', history: [] });
  state().markCompleted('jwt-auth', NOW);
  expect(lessonStatus(state(), 'jwt-auth')).toBe('complete');
  expect(state().exampleEdits['jwt-auth/a']?.code).toBe('print(2)');
  expect(state().exercises['jwt-auth/e']).toMatchObject({ attempts: 1, hintsShown: 1, solutionViewed: true });
  expect(state().quizzes['jwt-auth/q']).toMatchObject({ view: 'all', history: [] });
  state().resetAllProgress(NOW);
  expect(state().lessons).toEqual({});
}

const MEMORY_ONLY = { kind: 'memory-only', detail: MEMORY_ONLY_DETAIL };

describe('progress without usable storage', () => {
  it('works in memory, and says so, when the storage cannot be reached', () => {
    const store = createProgressStore(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(store.getState().storageNotice).toEqual(MEMORY_ONLY);
    expect(MEMORY_ONLY_DETAIL).toBe(
      "Progress can't be saved in this browser: it will be lost when you close the page.",
    );
    useEveryAction(store);
  });

  it('works in memory when getItem throws, and never overwrites what it could not read', () => {
    const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: 'whatever was there' });
    storage.failReads = true;
    const store = createProgressStore(() => storage);
    expect(store.getState().storageNotice).toEqual(MEMORY_ONLY);
    useEveryAction(store);
    expect(storage.writes).toEqual([]);
    expect(storage.data.get(PROGRESS_STORAGE_KEY)).toBe('whatever was there');
  });

  it('works in memory when setItem throws (storage full), saying so once, even after a dismissal', () => {
    const storage = fakeStorage();
    storage.failWrites = 'quota';
    const store = createProgressStore(() => storage);
    expect(store.getState().storageNotice).toBeUndefined();
    store.getState().markVisited('jwt-auth', NOW);
    expect(store.getState().storageNotice).toEqual(MEMORY_ONLY);
    store.getState().dismissNotice();
    useEveryAction(store);
    expect(store.getState().storageNotice).toBeUndefined();
  });

  it('saves again once the storage has room', () => {
    const storage = fakeStorage();
    storage.failWrites = 'quota';
    const store = createProgressStore(() => storage);
    store.getState().markVisited('jwt-auth', NOW);
    storage.failWrites = false;
    store.getState().setExampleEdit('jwt-auth/a', 'x');
    expect(storedJson(storage, PROGRESS_STORAGE_KEY)).toMatchObject({
      state: { lessons: { 'jwt-auth': {} }, exampleEdits: { 'jwt-auth/a': { code: 'x' } } },
      version: PROGRESS_VERSION,
    });
  });

  it('says memory-only, and leaves the damaged text as it is, when no copy of it can be kept', () => {
    const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: '{damaged' });
    storage.failWrites = 'quota';
    const store = createProgressStore(() => storage);
    expect(store.getState().storageNotice?.kind).toBe('memory-only');
    expect(store.getState().storageNotice?.detail).toMatch(/could not be read, and no copy of it could be kept/);
    expect(storage.data.get(PROGRESS_STORAGE_KEY)).toBe('{damaged');
    useEveryAction(store);
  });
});
