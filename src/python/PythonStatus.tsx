import { type RefObject, useSyncExternalStore } from 'react';
import { useWhenNear } from '../ui/useWhenNear';
import { pythonRuntime, type RuntimeState } from './index';
import { describeLoadPhase, pythonDownloadNote } from './loadPhases';

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

/**
 * Python's start-up while it loads: which phase of how many, a bar over the whole start
 * (full only when Python is ready); the failure if it cannot start; else `busyText`.
 * Where `announce` is set (the learner is waiting on this embed) it also says what is
 * downloaded and that it is kept, and announces the phase (politely, once per phase):
 * while Python only preloads, every embed shows one quiet line, so the page does not
 * jump under a reader scrolling past, nor repeat itself to a screen reader.
 */
export function PythonLoadState({
  state,
  busyText,
  announce = true,
}: {
  state: RuntimeState;
  busyText: string;
  announce?: boolean;
}) {
  if (state.kind === 'loading') {
    const view = describeLoadPhase(state.stage, state.loadedBytes, state.totalBytes);
    return (
      <span className="python-loading python-starting" data-stage={state.stage}>
        <span className="python-loading-row">
          <progress max={1} value={view.fraction} aria-label="Starting Python" aria-valuetext={view.label} />
          <span className="python-loading-phase" aria-hidden="true">
            {view.label}
          </span>
        </span>
        {announce && <span className="python-loading-note">{pythonDownloadNote(state.totalBytes)}</span>}
        <span className="visually-hidden" role="status">
          {announce ? view.phase : ''}
        </span>
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
