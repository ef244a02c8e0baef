import { useSyncExternalStore } from 'react';
import { createProgressStore, type ProgressState } from './store';
import { startCrossTabSync } from './sync';
import { emptyProgress, PROGRESS_STORAGE_KEY } from './types';

/** The page's one progress store, over localStorage. */
export const progressStore = createProgressStore(() => window.localStorage);

// Other open tabs of the course save to the same key: merge what they save (see sync.ts).
// The page store lives as long as the page, so the listener is never removed.
if (typeof window !== 'undefined') startCrossTabSync(progressStore, PROGRESS_STORAGE_KEY, window);

/**
 * What the prerendered HTML was made from: no progress. Hydration renders with it too, so
 * the markup matches; the learner's stored progress shows in the render right after.
 */
const prerenderedState: ProgressState = { ...progressStore.getState(), ...emptyProgress(), storageNotice: undefined };

export function useProgress<Selected>(selector: (state: ProgressState) => Selected): Selected {
  return useSyncExternalStore(
    progressStore.subscribe,
    () => selector(progressStore.getState()),
    () => selector(prerenderedState),
  );
}
