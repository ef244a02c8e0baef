import type { StoreApi } from 'zustand/vanilla';
import { mergeProgress } from './merge';
import { parseStoredProgress } from './persisted';
import type { ProgressState } from './store';
import { pickProgressData } from './types';

/** What the listener needs of a `storage` event (a fake one in tests). */
export type StorageEventLike = Pick<StorageEvent, 'key' | 'newValue'>;

/** What the sync needs of `window`. */
export interface StorageEventSource {
  addEventListener(type: 'storage', listener: (event: StorageEventLike) => void): void;
  removeEventListener(type: 'storage', listener: (event: StorageEventLike) => void): void;
}

/**
 * Keeps a store in step with the other open tabs of the course. The browser
 * fires `storage` in every other tab when one tab saves; the saved data is
 * merged into this tab's state (`mergeProgress`: the union of both, the newer
 * part on a conflict), and this tab's store then saves the merged result,
 * which the other tab merges in turn until both hold the same. A Reset all
 * or an Import in another tab (a newer `replacedAt`) replaces this tab's data
 * instead, or the old records would come back.
 *
 * @returns a function that stops listening.
 * @example
 * const stop = startCrossTabSync(progressStore, PROGRESS_STORAGE_KEY, window);
 */
export function startCrossTabSync(
  store: StoreApi<ProgressState>,
  storageKey: string,
  source: StorageEventSource,
): () => void {
  const listener = (event: StorageEventLike) => {
    // A removed key (or `localStorage.clear()`, key null) never wipes this tab's progress.
    if (event.key !== storageKey || event.newValue === null) return;
    const incoming = parseStoredProgress(event.newValue);
    if (incoming.unreadable) return;
    const state = store.getState();
    if (
      incoming.replacedAt !== undefined &&
      (state.replacedAt === undefined || incoming.replacedAt > state.replacedAt)
    ) {
      store.setState({ ...incoming.data, replacedAt: incoming.replacedAt });
      return;
    }
    const mine = pickProgressData(state);
    const merged = mergeProgress(mine, incoming.data);
    if (merged !== mine) store.setState(merged);
  };
  source.addEventListener('storage', listener);
  return () => source.removeEventListener('storage', listener);
}
