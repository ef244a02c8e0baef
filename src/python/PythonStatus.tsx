import { type RefObject, useSyncExternalStore } from 'react';
import { useWhenNear } from '../ui/useWhenNear';
import { pythonRuntime, type RuntimeState } from './index';

const IDLE: RuntimeState = { kind: 'idle' };

/** The page's Python runtime state (idle, loading with bytes, ready, failed), for React. */
export function usePythonRuntimeState(): RuntimeState {
  return useSyncExternalStore(
    (listener) => pythonRuntime().subscribe(listener),
    () => pythonRuntime().getState(),
    () => IDLE,
  );
}

/** Starts Python while the learner reads, once `element` is near the viewport and the browser idle. */
export function usePreloadPythonNear(element: RefObject<HTMLElement | null>): void {
  useWhenNear(
    element,
    () => {
      const start = () =>
        void pythonRuntime()
          .load()
          .catch(() => undefined);
      if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 3000 });
      else setTimeout(start, 500);
    },
    400,
  );
}

/** Download progress while Python loads, the failure if it cannot start, else `busyText`. */
export function PythonLoadState({ state, busyText }: { state: RuntimeState; busyText: string }) {
  if (state.kind === 'loading') {
    const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);
    const label =
      state.stage === 'downloading'
        ? `Downloading Python: ${megabytes(state.loadedBytes)} of ${megabytes(state.totalBytes)} MB`
        : 'Starting Python…';
    return (
      <span className="python-loading" role="status">
        <progress
          max={state.totalBytes || 1}
          value={state.stage === 'starting' ? state.totalBytes || 1 : state.loadedBytes}
          aria-label="Loading Python"
        />
        <span>{label}</span>
      </span>
    );
  }
  if (state.kind === 'failed') {
    return (
      <span className="python-loading python-failed" role="status">
        Python could not start: {state.message}
      </span>
    );
  }
  return (
    <span className="python-loading" role="status">
      {busyText}
    </span>
  );
}
