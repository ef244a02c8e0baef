import type { StoreApi } from 'zustand/vanilla';
import type { ProgressState } from './store';

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
 * record on a conflict, resets kept by their tombstones). This tab saves
 * again only if it holds something the saved copy lacks, so tabs do not echo
 * each other's saves. A Reset all or an Import in another tab (a newer
 * `replacedAt`) drops every record older than it.
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
    store.getState().receiveSaved(event.newValue);
  };
  source.addEventListener('storage', listener);
  return () => source.removeEventListener('storage', listener);
}
