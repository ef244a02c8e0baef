/** Messages between the page and the Python worker. Plain data only: it crosses postMessage. */

export type ToWorker =
  | {
      type: 'init';
      /** Where the five Pyodide files are served, ending with "/". */
      indexURL: string;
      /** Shared with the page so it can raise KeyboardInterrupt; absent without cross-origin isolation. */
      interruptBuffer?: SharedArrayBuffer;
    }
  | { type: 'run'; runId: number; code: string; outputLimitBytes: number };

export type LoadStage = 'downloading' | 'starting';

export type RunStatus = 'ok' | 'error' | 'stopped' | 'timeout' | 'output-limit';

export type FromWorker =
  | { type: 'progress'; stage: LoadStage; loadedBytes: number; totalBytes: number }
  | { type: 'ready'; version: string; startMs: number }
  | { type: 'init-failed'; message: string }
  | { type: 'output'; runId: number; chunks: OutputChunk[] }
  | { type: 'done'; runId: number; status: RunStatus; durationMs: number; exitCode?: number; wasmMemoryBytes: number };

export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}
