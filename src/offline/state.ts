// The page's view of offline use: what the service worker keeps, and whether a new version
// waits. A tiny external store (read with useSyncExternalStore), independent of the app's state.
import type { OfflineStatusReport } from './protocol';

export interface OfflineState {
  /** What the service worker keeps; undefined until it serves this page (or without one). */
  report: OfflineStatusReport | undefined;
  /** A new version is installed and waits until the learner reloads. */
  updateReady: boolean;
  /** The learner asked to save Python and the editor now, and it is under way. */
  saving: boolean;
  /** Why the last save failed (offline, storage full…), in words for the learner. */
  saveError: string | undefined;
}

/** Also what the prerendered HTML shows: nothing is known before the page runs. */
export const INITIAL_OFFLINE_STATE: OfflineState = {
  report: undefined,
  updateReady: false,
  saving: false,
  saveError: undefined,
};

let state = INITIAL_OFFLINE_STATE;
const listeners = new Set<() => void>();

export const offlineState = {
  get: (): OfflineState => state,
  set(change: Partial<OfflineState>): void {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** "12.9 MB": decimal megabytes, as browsers and operating systems show sizes. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
