/** Messages between the page and the Python worker. Plain data only: it crosses postMessage. */

export type ToWorker =
  | {
      type: 'init';
      /** Where the five Pyodide files are served, ending with "/". */
      indexURL: string;
      /** Shared with the page so it can raise KeyboardInterrupt; absent without cross-origin isolation. */
      interruptBuffer?: SharedArrayBuffer;
    }
  | { type: 'run'; runId: number; code: string; outputLimitBytes: number }
  /** To a second, short-lived worker: make the memory snapshot from what the first one downloaded. */
  | { type: 'make-snapshot'; indexURL: string; wasmModule: WebAssembly.Module; stdlib: Uint8Array };

/**
 * Python's start-up phases, in order, as the worker reports them:
 * download the interpreter and its standard library, compile the WebAssembly,
 * start the interpreter on the standard library, install the course's stand-ins.
 */
export const LOAD_STAGES = ['downloading', 'compiling', 'stdlib', 'standins'] as const;

export type LoadStage = (typeof LOAD_STAGES)[number];

export type SnapshotUse = 'restored' | 'cold' | 'none';

export type RunStatus = 'ok' | 'error' | 'stopped' | 'timeout' | 'output-limit';

export type FromWorker =
  | { type: 'progress'; stage: LoadStage; loadedBytes: number; totalBytes: number }
  | {
      type: 'ready';
      version: string;
      startMs: number;
      /** Time spent in each start-up phase, for the bench and for finding what is slow. */
      phaseMs?: Partial<Record<LoadStage, number>>;
      downloadedBytes?: number;
      /**
       * How the memory snapshot served this start: `restored` from it, `cold` without one
       * (a snapshot-material message follows), `none` (no Cache Storage here).
       */
      snapshot?: SnapshotUse;
    }
  /** After a cold start: what a second worker needs to make the snapshot without downloading anything. */
  | { type: 'snapshot-material'; indexURL: string; wasmModule: WebAssembly.Module; stdlib: Uint8Array }
  /** From the second worker: the snapshot is kept (or could not be made). */
  | { type: 'snapshot'; state: 'saved' | 'failed' }
  | { type: 'init-failed'; message: string }
  | { type: 'output'; runId: number; chunks: OutputChunk[] }
  | {
      type: 'done';
      runId: number;
      status: RunStatus;
      durationMs: number;
      exitCode?: number;
      wasmMemoryBytes: number;
      /** The program started a Worker or timer that would outlive it: only a fresh worker stops it. */
      replaceWorker?: true;
    };

export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}
