// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import { describe, expect, it } from 'vitest';
import { parseStoredProgress } from './persisted';
import { progressDataSchema } from './schema';
import { createProgressStore, PROGRESS_BACKUP_KEY, PROGRESS_STORAGE_KEY, PROGRESS_VERSION } from './store';
import { type FakeStorage, fakeStorage, storedJson } from './testing';

const CLEAN_STATE = {
  lessons: { good: { firstVisitedAt: '2026-11-29T10:00:00.000Z', updatedAt: '2026-11-29T10:00:00.000Z' } },
  exampleEdits: { 'good/a': { code: 'print(1)', updatedAt: '2026-11-29T10:00:00.000Z' } },
  exercises: {},
  quizzes: {},
  removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
};
const FIRST_BACKUP = `${PROGRESS_BACKUP_KEY}:1`;
/** The text kept in a backup slot, without its time line. */
const backupText = (storage: FakeStorage, key: string) => storage.data.get(key)?.replace(/^[^\n]*\n/, '');

/** Each kind of damage, with what survives of it and what the notice says. */
const DAMAGED: Array<{ name: string; raw: string; kept: unknown; says: RegExp }> = [
  {
    name: 'text that is not JSON',
    raw: '{"state": {"lessons": {',
    kept: {
      lessons: {},
      exampleEdits: {},
      exercises: {},
      quizzes: {},
      removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
    },
    says: /could not be read \(it is not valid JSON\)/,
  },
  {
    name: 'JSON that is not an object',
    raw: '[1, 2, 3]',
    kept: {
      lessons: {},
      exampleEdits: {},
      exercises: {},
      quizzes: {},
      removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
    },
    says: /not in the form this page saves/,
  },
  {
    name: 'an object without the state envelope',
    raw: '"just a string"',
    kept: {
      lessons: {},
      exampleEdits: {},
      exercises: {},
      quizzes: {},
      removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
    },
    says: /not in the form this page saves/,
  },
  {
    name: 'fields of the wrong type',
    raw: JSON.stringify({
      state: {
        ...CLEAN_STATE,
        lessons: { ...CLEAN_STATE.lessons, bad: 42, worse: { firstVisitedAt: 7 } },
        exampleEdits: { ...CLEAN_STATE.exampleEdits, 'good/b': 3 },
        quizzes: [],
      },
      version: PROGRESS_VERSION,
    }),
    kept: CLEAN_STATE,
    says: /Part of your saved progress was damaged and has been left out \(lessons\.bad: expected an object \(and 4 more problems\)\)/,
  },
  {
    name: 'a record of the wrong type',
    raw: JSON.stringify({ state: { ...CLEAN_STATE, exercises: 'none' }, version: PROGRESS_VERSION }),
    kept: CLEAN_STATE,
    says: /\(exercises: expected an object\)/,
  },
  {
    name: 'no version number',
    raw: JSON.stringify({ state: CLEAN_STATE }),
    kept: CLEAN_STATE,
    says: /had no version number/,
  },
];

describe('recovery from damaged stored progress', () => {
  it.each(DAMAGED)(
    'recovers from $name: keeps what is valid, backs up, writes back, says so once',
    ({ raw, kept, says }) => {
      const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: raw });
      const store = createProgressStore(() => storage);
      const { lessons, exampleEdits, exercises, quizzes, removed, storageNotice } = store.getState();

      expect({ lessons, exampleEdits, exercises, quizzes, removed }).toEqual(kept);
      expect(storageNotice?.kind).toBe('recovered');
      expect(storageNotice?.detail).toMatch(says);
      expect(storageNotice?.detail).toContain(
        `A copy of the original was kept in this browser's storage under "${FIRST_BACKUP}".`,
      );
      // The original text, untouched, in the backup.
      expect(backupText(storage, FIRST_BACKUP)).toBe(raw);
      // The cleaned data written back at the current version...
      expect(storedJson(storage, PROGRESS_STORAGE_KEY)).toEqual({ state: kept, version: PROGRESS_VERSION });
      // ...so the next load is clean, says nothing and writes nothing.
      const writes = storage.writes.length;
      const reloaded = createProgressStore(() => storage);
      expect(reloaded.getState().storageNotice).toBeUndefined();
      expect(reloaded.getState().lessons).toEqual(lessons);
      expect(storage.writes).toHaveLength(writes);
      // The page keeps working.
      store.getState().markVisited('next', new Date('2026-12-01T00:00:00Z'));
      expect(store.getState().lessons.next).toBeDefined();
    },
  );

  it.each([
    ['unparseable', '{oops', /could not be read, and no copy of it could be kept/],
    ['damaged', JSON.stringify({ state: { lessons: 7 }, version: PROGRESS_VERSION }), /damaged, and no copy/],
  ])('leaves %s data untouched when no copy can be kept (storage full), and runs on memory', (_name, raw, says) => {
    // A 1.5 MB field that a full storage has no room to copy.
    const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: raw });
    const original = storage.setItem;
    storage.setItem = (key, value) => {
      if (key.startsWith(PROGRESS_BACKUP_KEY)) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      return original(key, value);
    };
    const store = createProgressStore(() => storage);
    expect(store.getState().storageNotice).toEqual({ kind: 'memory-only', detail: expect.stringMatching(says) });
    expect(store.getState().storageNotice?.detail).toMatch(/changes made here will not be saved/);
    store.getState().markVisited('jwt-auth');
    store.getState().setExampleEdit('jwt-auth/a', 'x');
    expect(store.getState().lessons['jwt-auth']).toBeDefined(); // works, in memory
    expect(storage.data.get(PROGRESS_STORAGE_KEY)).toBe(raw); // and the original is untouched
    expect(storage.writes).toEqual([]);
  });

  it('keeps data from a newer version untouched, reads what it understands, and says changes are not saved', () => {
    const big = 'x'.repeat(1_500_000);
    const raw = JSON.stringify({
      state: { ...CLEAN_STATE, badges: { first: true, big }, lessons: { ...CLEAN_STATE.lessons, odd: { v: 'yes' } } },
      version: PROGRESS_VERSION + 1,
    });
    const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: raw });
    const store = createProgressStore(() => storage);
    expect(store.getState().lessons).toEqual(CLEAN_STATE.lessons);
    expect(store.getState().storageNotice).toEqual({
      kind: 'memory-only',
      detail:
        'Your progress was saved by a newer version of this page. It is left as it is, and changes made here will not be saved.',
    });
    store.getState().setExampleEdit('good/a', 'changed here');
    store.getState().resetAllProgress();
    expect(storage.data.get(PROGRESS_STORAGE_KEY)).toBe(raw);
    expect(storage.writes).toEqual([]);
  });

  it('stops saving, and says so, when a newer version of the page saves while this one runs', () => {
    const storage = fakeStorage();
    const store = createProgressStore(() => storage);
    store.getState().setExampleEdit('a', 'one');
    const newer = JSON.stringify({ state: { future: true }, version: PROGRESS_VERSION + 1 });
    storage.data.set(PROGRESS_STORAGE_KEY, newer);
    store.getState().setExampleEdit('a', 'two');
    expect(storage.data.get(PROGRESS_STORAGE_KEY)).toBe(newer);
    expect(store.getState().exampleEdits.a?.code).toBe('two');
    expect(store.getState().storageNotice?.detail).toMatch(/newer version of this page/);
  });

  it('keeps more than one backup: a new one goes to an empty slot, then over the oldest', () => {
    const storage = fakeStorage();
    const raws = ['{one', '{two', '{three', '{four'];
    for (const raw of raws) {
      storage.data.set(PROGRESS_STORAGE_KEY, raw);
      expect(createProgressStore(() => storage).getState().storageNotice?.kind).toBe('recovered');
    }
    const kept = [1, 2, 3].map((slot) => backupText(storage, `${PROGRESS_BACKUP_KEY}:${slot}`));
    expect(kept).toHaveLength(3);
    expect(kept).toContain('{four');
    expect(kept.filter((text) => text !== undefined)).toHaveLength(3);
  });

  it('migrates v1 data silently and writes it back at the current version', () => {
    const v1 = {
      state: {
        lessons: { good: { firstVisitedAt: '2026-11-29T10:00:00.000Z' } },
        exampleEdits: { 'good/a': 'print(1)' },
      },
      version: 1,
    };
    const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify(v1) });
    const store = createProgressStore(() => storage);
    expect(store.getState().storageNotice).toBeUndefined();
    expect(store.getState().quizzes).toEqual({});
    // Records from before v3 carry no time of change: an edit counts as the oldest ("").
    const migrated = { ...CLEAN_STATE, exampleEdits: { 'good/a': { code: 'print(1)', updatedAt: '' } } };
    expect(storedJson(storage, PROGRESS_STORAGE_KEY)).toEqual({ state: migrated, version: PROGRESS_VERSION });
    expect(storage.data.has(FIRST_BACKUP)).toBe(false);
  });

  it('keeps the replacement time of the stored envelope', () => {
    const raw = JSON.stringify({ state: CLEAN_STATE, version: PROGRESS_VERSION, replacedAt: '2026-11-29T09:00:00Z' });
    expect(createProgressStore(() => fakeStorage({ [PROGRESS_STORAGE_KEY]: raw })).getState().replacedAt).toBe(
      '2026-11-29T09:00:00Z',
    );
  });
});

describe('parseStoredProgress', () => {
  it('reads clean data as it is', () => {
    const parsed = parseStoredProgress(JSON.stringify({ state: CLEAN_STATE, version: PROGRESS_VERSION }));
    expect(parsed).toEqual({
      data: CLEAN_STATE,
      replacedAt: undefined,
      problem: undefined,
      unreadable: false,
      migrated: false,
      newerVersion: undefined,
    });
  });

  it.each(DAMAGED)('gives data the strict schema accepts for $name', ({ raw }) => {
    expect(progressDataSchema().safeParse(parseStoredProgress(raw).data).success).toBe(true);
  });
});
