// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { pickProgressData } from './records';
import { createProgressStore, PROGRESS_STORAGE_KEY, PROGRESS_VERSION } from './store';
import { type StorageEventLike, type StorageEventSource, startCrossTabSync } from './sync';
import { fakeStorage } from './testing';

const T = (minute: number) => new Date(`2026-11-29T10:${String(minute).padStart(2, '0')}:00.000Z`);

/** A fake `window` whose storage events the test fires by hand. */
function fakeWindow() {
  const listeners = new Set<(event: StorageEventLike) => void>();
  const source: StorageEventSource = {
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
  const fire = (event: StorageEventLike) => {
    for (const listener of listeners) listener(event);
  };
  return { source, listeners, fire };
}

const envelope = (state: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ state, version: PROGRESS_VERSION, ...extra });

describe('startCrossTabSync', () => {
  it("merges the other tab's saved progress into this tab, keeping this tab's edits, and saves the union", () => {
    const storage = fakeStorage();
    const store = createProgressStore(() => storage);
    const win = fakeWindow();
    startCrossTabSync(store, PROGRESS_STORAGE_KEY, win.source);
    store.getState().setExampleEdit('jwt-auth/a', 'mine', T(4));
    store.getState().saveExerciseDraft('jwt-auth/e', { code: 'my draft', mode: 'free' }, T(5));

    win.fire({
      key: PROGRESS_STORAGE_KEY,
      newValue: envelope({
        lessons: { 'jwt-auth': { firstVisitedAt: T(1).toISOString(), updatedAt: T(1).toISOString() } },
        exampleEdits: { 'jwt-auth/b': { code: 'theirs', updatedAt: T(3).toISOString() } },
        exercises: {
          'jwt-auth/e': {
            attempts: 2,
            hintsShown: 1,
            solutionViewed: false,
            draft: { code: 'old', mode: 'blanks', savedAt: T(2).toISOString() },
            updatedAt: T(2).toISOString(),
          },
        },
        quizzes: {},
        removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
      }),
    });

    const state = store.getState();
    expect(state.exampleEdits).toEqual({
      'jwt-auth/a': { code: 'mine', updatedAt: T(4).toISOString() },
      'jwt-auth/b': { code: 'theirs', updatedAt: T(3).toISOString() },
    });
    expect(state.lessons).toEqual({
      'jwt-auth': { firstVisitedAt: T(1).toISOString(), updatedAt: T(1).toISOString() },
    });
    // This tab's copy is newer, so it is kept whole.
    expect(state.exercises['jwt-auth/e']).toEqual({
      attempts: 0,
      hintsShown: 0,
      solutionViewed: false,
      draft: { code: 'my draft', mode: 'free', savedAt: T(5).toISOString() },
      updatedAt: T(5).toISOString(),
    });
    expect(JSON.parse(storage.data.get(PROGRESS_STORAGE_KEY) ?? '').state).toEqual(pickProgressData(state));
  });

  it('ignores other keys, removals, unreadable data, and stops when asked', () => {
    const storage = fakeStorage();
    const store = createProgressStore(() => storage);
    store.getState().setExampleEdit('a', 'mine');
    const win = fakeWindow();
    const stop = startCrossTabSync(store, PROGRESS_STORAGE_KEY, win.source);
    const before = store.getState();
    win.fire({ key: 'flask-course:theme', newValue: envelope({ exampleEdits: { b: 'x' } }) });
    win.fire({ key: PROGRESS_STORAGE_KEY, newValue: null }); // removed in the other tab: never wipes this one
    win.fire({ key: null, newValue: null }); // localStorage.clear()
    win.fire({ key: PROGRESS_STORAGE_KEY, newValue: '{half written' });
    win.fire({ key: PROGRESS_STORAGE_KEY, newValue: envelope({ exampleEdits: { a: 'mine' } }) }); // nothing new
    expect(store.getState()).toBe(before);
    expect(storage.writes).toHaveLength(1);

    stop();
    expect(win.listeners.size).toBe(0);
  });

  it('keeps what is valid of damaged data from the other tab', () => {
    const store = createProgressStore(() => fakeStorage());
    const win = fakeWindow();
    startCrossTabSync(store, PROGRESS_STORAGE_KEY, win.source);
    win.fire({
      key: PROGRESS_STORAGE_KEY,
      newValue: envelope({ exampleEdits: { good: { code: 'x', updatedAt: 't' }, bad: 5 }, lessons: 'no' }),
    });
    expect(store.getState().exampleEdits).toEqual({ good: { code: 'x', updatedAt: 't' } });
    expect(store.getState().storageNotice).toBeUndefined();
  });

  it('takes a Reset all or an Import from the other tab as it is, instead of merging the old records back', () => {
    const store = createProgressStore(() => fakeStorage());
    store.getState().markVisited('old', T(1));
    const win = fakeWindow();
    startCrossTabSync(store, PROGRESS_STORAGE_KEY, win.source);
    win.fire({
      key: PROGRESS_STORAGE_KEY,
      newValue: envelope(
        { exampleEdits: { imported: { code: 'x', updatedAt: T(2).toISOString() } } },
        { replacedAt: T(2).toISOString() },
      ),
    });
    expect(pickProgressData(store.getState())).toEqual({
      lessons: {},
      exampleEdits: { imported: { code: 'x', updatedAt: T(2).toISOString() } },
      exercises: {},
      quizzes: {},
      removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
    });
    expect(store.getState().replacedAt).toBe(T(2).toISOString());
    // An older replacement, or the same one again, is merged as usual.
    win.fire({
      key: PROGRESS_STORAGE_KEY,
      newValue: envelope(
        { lessons: { later: { firstVisitedAt: 'x', updatedAt: T(3).toISOString() } } },
        { replacedAt: T(2).toISOString() },
      ),
    });
    expect(Object.keys(store.getState().lessons)).toEqual(['later']);
    expect(store.getState().exampleEdits).toEqual({ imported: { code: 'x', updatedAt: T(2).toISOString() } });
  });
});

/**
 * Tabs of one browser: one storage, and a `storage` event queued for every
 * other tab when a save changes the stored text (as browsers do).
 */
function fakeBrowser() {
  const data = new Map<string, string>();
  const tabs: Array<Set<(event: StorageEventLike) => void>> = [];
  const queue: Array<() => void> = [];
  const openTab = () => {
    const listeners = new Set<(event: StorageEventLike) => void>();
    tabs.push(listeners);
    const storage: StateStorage = {
      getItem: (key) => data.get(key) ?? null,
      setItem: (key, value) => {
        if (data.get(key) === value) return;
        data.set(key, value);
        for (const other of tabs) {
          if (other === listeners) continue;
          for (const listener of other) queue.push(() => listener({ key, newValue: value }));
        }
      },
      removeItem: (key) => void data.delete(key),
    };
    const store = createProgressStore(() => storage);
    startCrossTabSync(store, PROGRESS_STORAGE_KEY, {
      addEventListener: (_type, listener) => listeners.add(listener),
      removeEventListener: (_type, listener) => listeners.delete(listener),
    });
    return store;
  };
  /** Delivers the queued events (and those they cause) and says how many it took. */
  const settle = () => {
    let delivered = 0;
    for (let next = queue.shift(); next; next = queue.shift()) {
      delivered += 1;
      if (delivered > 50) throw new Error('the tabs never settle');
      next();
    }
    return delivered;
  };
  return { data, openTab, settle };
}

describe('two tabs of the course', () => {
  it("both end with both tabs' work, even when they save at the same time, and a reload sees it all", () => {
    const browser = fakeBrowser();
    const first = browser.openTab();
    const second = browser.openTab();

    first.getState().markVisited('jwt-auth', T(1));
    first.getState().setExampleEdit('jwt-auth/a', 'edited in the first tab', T(1));
    second.getState().saveExerciseDraft('jwt-auth/e', { code: 'draft in the second tab', mode: 'free' }, T(2));
    second.getState().recordExerciseCheck('jwt-auth/e', { passed: true, passedCount: 3, totalCount: 3 }, T(3));
    second.getState().saveQuizProgress('jwt-auth/q', { view: 'all', history: [] }, T(4));
    // The first tab has not heard of the second's saves yet: its change is made to the stored, newest copy.
    first.getState().recordHintsShown('jwt-auth/e', 2, T(5));
    browser.settle(); // throws if the tabs kept answering each other

    const expected = {
      lessons: { 'jwt-auth': { firstVisitedAt: T(1).toISOString(), updatedAt: T(1).toISOString() } },
      exampleEdits: { 'jwt-auth/a': { code: 'edited in the first tab', updatedAt: '2026-11-29T10:01:00.001Z' } },
      exercises: {
        'jwt-auth/e': {
          attempts: 1,
          hintsShown: 2,
          solutionViewed: false,
          draft: { code: 'draft in the second tab', mode: 'free', savedAt: T(2).toISOString() },
          passedAt: T(3).toISOString(),
          lastResult: { passed: true, passedCount: 3, totalCount: 3, at: T(3).toISOString() },
          updatedAt: T(5).toISOString(),
        },
      },
      quizzes: { 'jwt-auth/q': { view: 'all', history: [], updatedAt: T(4).toISOString() } },
      removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
    };
    expect(pickProgressData(first.getState())).toEqual(expected);
    expect(pickProgressData(second.getState())).toEqual(expected);
    expect(pickProgressData(browser.openTab().getState())).toEqual(expected);
  });

  it('two tabs typing into one example end with the same, newest text, in both tabs and in storage', () => {
    const browser = fakeBrowser();
    const first = browser.openTab();
    const second = browser.openTab();
    let time = T(1).getTime();
    const type = (tab: typeof first, text: string) => {
      time += 1;
      tab.getState().setExampleEdit('jwt-auth/a', text, new Date(time));
    };
    // Keystrokes interleaved, with the other tab's saves arriving late.
    type(first, 'p');
    type(second, 'x');
    type(first, 'pr');
    browser.settle();
    type(second, 'pri');
    type(first, 'prin');
    browser.settle();
    const codes = [first, second].map((tab) => tab.getState().exampleEdits['jwt-auth/a']?.code);
    expect(codes).toEqual(['prin', 'prin']);
    expect(JSON.parse(browser.data.get(PROGRESS_STORAGE_KEY) ?? '').state.exampleEdits['jwt-auth/a'].code).toBe('prin');
  });

  it('a tab never writes an older copy over a newer one, nor echoes what storage already holds', () => {
    const browser = fakeBrowser();
    const first = browser.openTab();
    const second = browser.openTab();
    let time = T(1).getTime();
    let text = '';
    // Typing in the first tab while the second hears every save late (after several more keystrokes).
    for (const letter of 'print("hello")') {
      text += letter;
      time += 1;
      first.getState().setExampleEdit('jwt-auth/a', text, new Date(time));
      const stored = JSON.parse(browser.data.get(PROGRESS_STORAGE_KEY) ?? '').state.exampleEdits['jwt-auth/a'].code;
      expect(stored).toBe(text);
    }
    const writesBefore = browser.data.get(PROGRESS_STORAGE_KEY);
    browser.settle();
    expect(browser.data.get(PROGRESS_STORAGE_KEY)).toBe(writesBefore);
    expect(first.getState().exampleEdits['jwt-auth/a']?.code).toBe('print("hello")');
    expect(second.getState().exampleEdits['jwt-auth/a']?.code).toBe('print("hello")');
  });

  it('a later edit of the same example in the other tab shows in this one', () => {
    const browser = fakeBrowser();
    const first = browser.openTab();
    const second = browser.openTab();
    first.getState().setExampleEdit('jwt-auth/a', 'one');
    browser.settle();
    second.getState().setExampleEdit('jwt-auth/a', 'two');
    browser.settle();
    expect(first.getState().exampleEdits['jwt-auth/a']?.code).toBe('two');
    expect(second.getState().exampleEdits['jwt-auth/a']?.code).toBe('two');
  });

  it('a Reset all in one tab empties the other, and stays reset when the other saves again', () => {
    const browser = fakeBrowser();
    const first = browser.openTab();
    const second = browser.openTab();
    first.getState().markVisited('jwt-auth', T(1));
    second.getState().setExampleEdit('jwt-auth/a', 'x');
    browser.settle();
    first.getState().resetAllProgress(T(5));
    browser.settle();
    expect(pickProgressData(second.getState())).toEqual({
      lessons: {},
      exampleEdits: {},
      exercises: {},
      quizzes: {},
      removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
    });
    second.getState().markVisited('serialization', T(6));
    browser.settle();
    expect(Object.keys(first.getState().lessons)).toEqual(['serialization']);
  });
});
