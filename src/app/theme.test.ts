import { describe, expect, it } from 'vitest';
import { browserStorage, readStoredTheme, storeTheme, THEME_STORAGE_KEY } from './theme';

const memoryStorage = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => data.set(key, value),
    data,
  };
};

describe('theme preference', () => {
  it('reads only "light" or "dark"; anything else means follow the system', () => {
    expect(readStoredTheme(memoryStorage({ [THEME_STORAGE_KEY]: 'dark' }))).toBe('dark');
    expect(readStoredTheme(memoryStorage({ [THEME_STORAGE_KEY]: 'purple' }))).toBeUndefined();
    expect(readStoredTheme(memoryStorage())).toBeUndefined();
    expect(readStoredTheme(undefined)).toBeUndefined();
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readStoredTheme(broken)).toBeUndefined();
    expect(() => storeTheme(broken, 'dark')).not.toThrow();
  });

  it('finds no storage where reading window.localStorage throws', () => {
    const blocked = {
      get localStorage(): Storage {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    expect(browserStorage(blocked)).toBeUndefined();
    expect(browserStorage(undefined)).toBeUndefined();
    expect(readStoredTheme(browserStorage(blocked))).toBeUndefined();
    expect(() => storeTheme(browserStorage(blocked), 'dark')).not.toThrow();
  });

  it('remembers the choice', () => {
    const storage = memoryStorage();
    storeTheme(storage, 'dark');
    expect(storage.data.get(THEME_STORAGE_KEY)).toBe('dark');
  });
});
