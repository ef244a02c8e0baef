import { useStore } from 'zustand';
import { createProgressStore, type ProgressState } from './store';

/** The page's one progress store, over localStorage. */
export const progressStore = createProgressStore(() => window.localStorage);

export function useProgress<Selected>(selector: (state: ProgressState) => Selected): Selected {
  return useStore(progressStore, selector);
}
