/** Test support for the progress store's tests (not used by the page). */
import type { StateStorage } from 'zustand/middleware';

/** A storage for tests: a Map, with switches to make it fail like a browser's. */
export interface FakeStorage extends StateStorage {
  data: Map<string, string>;
  /** Every setItem call that succeeded, in order. */
  writes: Array<[key: string, value: string]>;
  failReads: boolean;
  /** `'quota'` throws a QuotaExceededError, as a full localStorage does. */
  failWrites: false | 'quota' | 'other';
}

export function fakeStorage(initial: Record<string, string> = {}): FakeStorage {
  const data = new Map(Object.entries(initial));
  const storage: FakeStorage = {
    data,
    writes: [],
    failReads: false,
    failWrites: false,
    getItem: (key) => {
      if (storage.failReads) throw new Error('SecurityError: The operation is insecure.');
      return data.get(key) ?? null;
    },
    setItem: (key, value) => {
      if (storage.failWrites === 'quota') {
        const error = new Error(`Setting the value of '${key}' exceeded the quota.`);
        error.name = 'QuotaExceededError';
        throw error;
      }
      if (storage.failWrites === 'other') throw new Error('The storage is read-only');
      data.set(key, value);
      storage.writes.push([key, value]);
    },
    removeItem: (key) => void data.delete(key),
  };
  return storage;
}

/** The stored envelope under `key`, parsed (undefined when nothing is stored). */
export function storedJson(storage: FakeStorage, key: string): unknown {
  const raw = storage.data.get(key);
  return raw === undefined ? undefined : JSON.parse(raw);
}
