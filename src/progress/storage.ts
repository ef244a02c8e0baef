import type { StateStorage } from 'zustand/middleware';
import { ProgressStorageError } from './errors';

export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: ProgressStorageError };

/** A storage that never throws: every operation says whether it worked. */
export interface SafeStorage {
  read: (key: string) => StorageResult<string | null>;
  write: (key: string, value: string) => StorageResult<undefined>;
  remove: (key: string) => StorageResult<undefined>;
}

/**
 * Wraps a Web Storage-like object (localStorage, or a fake in tests) so that a
 * browser that blocks storage (a SecurityError on `window.localStorage`), or a
 * full one (QuotaExceededError on setItem), gives results instead of exceptions.
 * `getStorage` is called once, on first use.
 *
 * @example
 * const storage = createSafeStorage(() => window.localStorage);
 * const saved = storage.write('key', 'value');
 * if (!saved.ok) console.warn(saved.error.code); // 'ERR_STORAGE_FULL'
 */
export function createSafeStorage(getStorage: () => StateStorage): SafeStorage {
  let resolved: { ok: true; storage: StateStorage } | { ok: false; error: ProgressStorageError } | undefined;
  const access = () => {
    if (resolved) return resolved;
    try {
      const storage = getStorage();
      resolved =
        storage && typeof storage.getItem === 'function'
          ? { ok: true, storage }
          : {
              ok: false,
              error: new ProgressStorageError('ERR_STORAGE_UNAVAILABLE', 'This browser offers no storage', {
                operation: 'access',
              }),
            };
    } catch (cause) {
      resolved = {
        ok: false,
        error: new ProgressStorageError('ERR_STORAGE_UNAVAILABLE', `Storage is not available: ${describe(cause)}`, {
          operation: 'access',
          cause,
        }),
      };
    }
    return resolved;
  };

  return {
    read: (key) => {
      const reached = access();
      if (!reached.ok) return reached;
      try {
        const value = reached.storage.getItem(key);
        if (isThenable(value)) {
          return fail('ERR_STORAGE_ASYNC', 'Asynchronous storage is not supported', 'read', key);
        }
        return { ok: true, value: value ?? null };
      } catch (cause) {
        return fail('ERR_STORAGE_READ', `Reading "${key}" failed: ${describe(cause)}`, 'read', key, cause);
      }
    },
    write: (key, value) => {
      const reached = access();
      if (!reached.ok) return reached;
      try {
        const written = reached.storage.setItem(key, value);
        // A rejected promise here would be an unhandled rejection; async storage is refused on read anyway.
        if (isThenable(written)) Promise.resolve(written).catch(() => undefined);
        return { ok: true, value: undefined };
      } catch (cause) {
        return isQuotaError(cause)
          ? fail('ERR_STORAGE_FULL', `Storage is full: "${key}" was not saved`, 'write', key, cause)
          : fail('ERR_STORAGE_WRITE', `Writing "${key}" failed: ${describe(cause)}`, 'write', key, cause);
      }
    },
    remove: (key) => {
      const reached = access();
      if (!reached.ok) return reached;
      try {
        reached.storage.removeItem(key);
        return { ok: true, value: undefined };
      } catch (cause) {
        return fail('ERR_STORAGE_WRITE', `Removing "${key}" failed: ${describe(cause)}`, 'remove', key, cause);
      }
    },
  };
}

function fail(
  code: ProgressStorageError['code'],
  message: string,
  operation: ProgressStorageError['operation'],
  key: string,
  cause?: unknown,
): { ok: false; error: ProgressStorageError } {
  return { ok: false, error: new ProgressStorageError(code, message, { operation, key, cause }) };
}

/** Browsers disagree on how a full storage is reported (name, legacy codes 22 and 1014). */
function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
