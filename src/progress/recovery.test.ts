import { describe, expect, it } from 'vitest';
import { parseStoredProgress } from './persisted';
import { progressDataSchema } from './schema';
import { createProgressStore, PROGRESS_BACKUP_KEY, PROGRESS_STORAGE_KEY, PROGRESS_VERSION } from './store';
import { fakeStorage, storedJson } from './testing';

const CLEAN_STATE = {
  lessons: { good: { firstVisitedAt: '2026-11-29T10:00:00.000Z' } },
  exampleEdits: { 'good/a': 'print(1)' },
  exercises: {},
  quizzes: {},
};

/** Each kind of damage, with what survives of it and what the notice says. */
const DAMAGED: Array<{ name: string; raw: string; kept: unknown; says: RegExp }> = [
  {
    name: 'text that is not JSON',
    raw: '{"state": {"lessons": {',
    kept: { lessons: {}, exampleEdits: {}, exercises: {}, quizzes: {} },
    says: /could not be read \(it is not valid JSON\)/,
  },
  {
    name: 'JSON that is not an object',
    raw: '[1, 2, 3]',
    kept: { lessons: {}, exampleEdits: {}, exercises: {}, quizzes: {} },
    says: /not in the form this page saves/,
  },
  {
    name: 'an object without the state envelope',
    raw: '"just a string"',
    kept: { lessons: {}, exampleEdits: {}, exercises: {}, quizzes: {} },
    says: /not in the form this page saves/,
  },
  {
    name: 'data from a future version',
    raw: JSON.stringify({
      state: { ...CLEAN_STATE, badges: { first: true }, lessons: { ...CLEAN_STATE.lessons, odd: { visited: 'yes' } } },
      version: PROGRESS_VERSION + 5,
    }),
    kept: CLEAN_STATE,
    says: new RegExp(`comes from a newer version \\(${PROGRESS_VERSION + 5}\\) of the course`),
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
    says: /Part of your saved progress was damaged and has been left out \(lessons\.bad: expected an object \(and 3 more problems\)\)/,
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
      const { lessons, exampleEdits, exercises, quizzes, storageNotice } = store.getState();

      expect({ lessons, exampleEdits, exercises, quizzes }).toEqual(kept);
      expect(storageNotice?.kind).toBe('recovered');
      expect(storageNotice?.detail).toMatch(says);
      expect(storageNotice?.detail).toContain(
        `A copy of the original was kept in this browser's storage under "${PROGRESS_BACKUP_KEY}".`,
      );
      // The original text, untouched, in the backup.
      expect(storage.data.get(PROGRESS_BACKUP_KEY)).toBe(raw);
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

  it('says when the backup could not be kept', () => {
    const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: '{oops' });
    const original = storage.setItem;
    storage.setItem = (key, value) => {
      if (key === PROGRESS_BACKUP_KEY) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      return original(key, value);
    };
    const store = createProgressStore(() => storage);
    expect(store.getState().storageNotice).toEqual({
      kind: 'recovered',
      detail: expect.stringContaining('A copy of the original could not be kept'),
    });
  });

  it('migrates v1 data silently and writes it back at the current version', () => {
    const v1 = { state: { lessons: CLEAN_STATE.lessons, exampleEdits: CLEAN_STATE.exampleEdits }, version: 1 };
    const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify(v1) });
    const store = createProgressStore(() => storage);
    expect(store.getState().storageNotice).toBeUndefined();
    expect(store.getState().quizzes).toEqual({});
    expect(storedJson(storage, PROGRESS_STORAGE_KEY)).toEqual({ state: CLEAN_STATE, version: 2 });
    expect(storage.data.has(PROGRESS_BACKUP_KEY)).toBe(false);
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
    });
  });

  it.each(DAMAGED)('gives data the strict schema accepts for $name', ({ raw }) => {
    expect(progressDataSchema.safeParse(parseStoredProgress(raw).data).success).toBe(true);
  });
});
