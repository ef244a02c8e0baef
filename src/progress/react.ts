import { useSyncExternalStore } from 'react';
import { emptyProgress } from './records';
import { createProgressStore, type ProgressState, type ProgressStore } from './store';
import { startCrossTabSync } from './sync';
import { PROGRESS_STORAGE_KEY } from './types';

let pageStore: ProgressStore | undefined;

/**
 * The store, made on first use: by then the app has registered the kinds of
 * record (src/app/progressRecords.ts), which the store reads the stored data by.
 */
function page(): ProgressStore {
  if (pageStore === undefined) {
    pageStore = createProgressStore(() => window.localStorage);
    // Other open tabs of the course save to the same key: merge what they save (see sync.ts).
    // The page store lives as long as the page, so the listener is never removed.
    if (typeof window !== 'undefined') startCrossTabSync(pageStore, PROGRESS_STORAGE_KEY, window);
  }
  return pageStore;
}

/** The page's one progress store, over localStorage. */
export const progressStore: ProgressStore = {
  getState: () => page().getState(),
  getInitialState: () => page().getInitialState(),
  setState: ((partial: never, replace?: never) => page().setState(partial, replace)) as ProgressStore['setState'],
  subscribe: (listener) => page().subscribe(listener),
};

/**
 * What the prerendered HTML was made from: no progress. Hydration renders with it too, so
 * the markup matches; the learner's stored progress shows in the render right after.
 */
let prerenderedState: ProgressState | undefined;
const prerendered = () => {
  prerenderedState ??= { ...progressStore.getState(), ...emptyProgress(), storageNotice: undefined };
  return prerenderedState;
};

export function useProgress<Selected>(selector: (state: ProgressState) => Selected): Selected {
  return useSyncExternalStore(
    progressStore.subscribe,
    () => selector(progressStore.getState()),
    () => selector(prerendered()),
  );
}
