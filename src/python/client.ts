import { PYTHON_DOWNLOAD_BYTES } from './loadPhases';
import type { FromWorker, LoadStage, OutputChunk, RunStatus, ToWorker } from './protocol';

export type RuntimeState =
  | { kind: 'idle' }
  | { kind: 'loading'; stage: LoadStage; loadedBytes: number; totalBytes: number }
  | { kind: 'ready'; version: string; startMs: number }
  | { kind: 'failed'; message: string };

export interface RunOptions {
  /** Seconds before the run is interrupted (5 by default). */
  timeoutSeconds?: number;
  /** Called as output arrives, in order. */
  onOutput?: (chunk: OutputChunk) => void;
}

export interface RunResult {
  status: RunStatus;
  output: OutputChunk[];
  /** Time Python spent on the program, measured in the worker. */
  durationMs: number;
  exitCode?: number;
  /** The interpreter's memory after the run (0 when the worker was replaced). */
  wasmMemoryBytes?: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 5;
export const OUTPUT_LIMIT_BYTES = 200_000;
/** How long the worker that makes Python's memory snapshot may take before it is given up. */
const SNAPSHOT_WORKER_LIMIT_MS = 120_000;
/** After an interrupt, how long Python may take to stop before its worker is replaced. */
const INTERRUPT_GRACE_MS = 1500;

interface ActiveRun {
  runId: number;
  output: OutputChunk[];
  options: RunOptions;
  resolve: (result: RunResult) => void;
  timer: ReturnType<typeof setTimeout>;
  /** Why the page asked it to stop, if it did. */
  stopReason?: 'stopped' | 'timeout';
  hardStop?: ReturnType<typeof setTimeout>;
}

/**
 * The page's side of the Python worker: loads it on demand, runs one program
 * at a time, interrupts a run past its time limit (KeyboardInterrupt through a
 * SharedArrayBuffer), and replaces the worker when Python will not stop.
 */
export class PythonRuntime {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private state: RuntimeState = { kind: 'idle' };
  private readonly listeners = new Set<() => void>();
  private interrupt: Uint8Array | undefined;
  private active: ActiveRun | undefined;
  private nextRunId = 1;
  private snapshotMaterial: Extract<FromWorker, { type: 'snapshot-material' }> | undefined;
  private snapshotScheduled = false;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly indexURL: string,
  ) {}

  getState = (): RuntimeState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(state: RuntimeState) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  /** Starts Python if it is not started; resolves when it can run code. */
  load(): Promise<void> {
    this.ready ??= new Promise<void>((resolve, reject) => {
      const worker = this.createWorker();
      this.worker = worker;
      const buffer =
        typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated
          ? new SharedArrayBuffer(1)
          : undefined;
      this.interrupt = buffer ? new Uint8Array(buffer) : undefined;
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === 'ready') {
          this.setState({ kind: 'ready', version: message.version, startMs: message.startMs });
          // For the bench and tests: how long the start took, phase by phase (measured in the worker).
          performance.mark('python-ready', {
            detail: {
              startMs: message.startMs,
              phaseMs: message.phaseMs ?? {},
              snapshot: message.snapshot ?? 'none',
            },
          });
          resolve();
        } else if (message.type === 'init-failed') {
          this.fail(message.message);
          reject(new Error(message.message));
        } else {
          this.handle(message);
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        const message = event.message || 'the Python worker crashed';
        if (this.state.kind !== 'ready') {
          this.fail(message);
          reject(new Error(message));
        } else {
          this.crashed(message);
        }
      };
      this.setState({ kind: 'loading', stage: 'downloading', loadedBytes: 0, totalBytes: PYTHON_DOWNLOAD_BYTES });
      const init: ToWorker = { type: 'init', indexURL: this.indexURL, ...(buffer ? { interruptBuffer: buffer } : {}) };
      worker.postMessage(init);
    });
    return this.ready;
  }

  /** Runs a program; resolves when it ends, however it ends. Never rejects for the program's own errors. */
  async run(code: string, options: RunOptions = {}): Promise<RunResult> {
    await this.load();
    if (this.active) this.stop();
    const worker = this.worker;
    if (!worker) throw new Error('The Python worker is not running');
    const runId = this.nextRunId++;
    return new Promise<RunResult>((resolve) => {
      const timeout = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
      this.active = {
        runId,
        output: [],
        options,
        resolve,
        timer: setTimeout(() => this.requestStop('timeout'), timeout),
      };
      const message: ToWorker = { type: 'run', runId, code, outputLimitBytes: OUTPUT_LIMIT_BYTES };
      worker.postMessage(message);
    });
  }

  /** Stops the current run: KeyboardInterrupt first, a fresh worker if Python ignores it. */
  stop(): void {
    this.requestStop('stopped');
  }

  private requestStop(reason: 'stopped' | 'timeout') {
    const active = this.active;
    if (!active || active.stopReason) return;
    active.stopReason = reason;
    if (this.interrupt) {
      this.interrupt[0] = 2; // SIGINT
      active.hardStop = setTimeout(() => this.replaceWorker(), INTERRUPT_GRACE_MS);
    } else {
      this.replaceWorker();
    }
  }

  private handle(message: FromWorker) {
    if (message.type === 'snapshot-material') {
      this.snapshotMaterial = message;
      this.makeSnapshotWhenIdle();
    } else if (message.type === 'progress') {
      this.setState({
        kind: 'loading',
        stage: message.stage,
        loadedBytes: message.loadedBytes,
        totalBytes: message.totalBytes,
      });
    } else if (message.type === 'output') {
      const active = this.active;
      if (!active || active.runId !== message.runId) return;
      for (const chunk of message.chunks) {
        active.output.push(chunk);
        active.options.onOutput?.(chunk);
      }
    } else if (message.type === 'done') {
      const active = this.active;
      if (!active || active.runId !== message.runId) return;
      const status: RunStatus = active.stopReason && message.status === 'stopped' ? active.stopReason : message.status;
      this.finish({
        status,
        output: active.output,
        durationMs: message.durationMs,
        wasmMemoryBytes: message.wasmMemoryBytes,
        ...(message.exitCode !== undefined ? { exitCode: message.exitCode } : {}),
      });
      // The program left a Worker or timer running in the worker: it ends with the worker.
      // (The run is finished first, so this replacement does not count as stopping it.)
      if (message.replaceWorker) this.replaceWorker();
    }
  }

  private finish(result: RunResult) {
    const active = this.active;
    if (!active) return;
    clearTimeout(active.timer);
    if (active.hardStop) clearTimeout(active.hardStop);
    this.active = undefined;
    active.resolve(result);
    this.makeSnapshotWhenIdle();
  }

  /**
   * After a cold start, a second short-lived worker makes the memory snapshot the next
   * visits start from (see worker.ts), with the first worker's compiled WebAssembly and
   * standard library: nothing is downloaded again. It waits for the learner's run to end
   * and for the browser to be idle, so the first Run never waits for it.
   */
  private makeSnapshotWhenIdle() {
    if (!this.snapshotMaterial || this.snapshotScheduled) return;
    this.snapshotScheduled = true;
    const start = () => {
      this.snapshotScheduled = false;
      const material = this.snapshotMaterial;
      if (!material) return;
      if (this.active) return; // tried again when this run ends
      this.snapshotMaterial = undefined;
      const helper = this.createWorker();
      const done = () => {
        clearTimeout(giveUp);
        helper.terminate();
      };
      // A start takes seconds; one that never ends must not hold 30 MB forever.
      const giveUp = setTimeout(done, SNAPSHOT_WORKER_LIMIT_MS);
      helper.onmessage = (event: MessageEvent<FromWorker>) => {
        if (event.data.type !== 'snapshot') return;
        // For the bench and tests: the snapshot the next visit starts from is kept (or not).
        performance.mark(`python-snapshot-${event.data.state}`);
        done();
      };
      helper.onerror = (event) => {
        event.preventDefault();
        performance.mark('python-snapshot-failed');
        done();
      };
      const message: ToWorker = {
        type: 'make-snapshot',
        indexURL: material.indexURL,
        wasmModule: material.wasmModule,
        stdlib: material.stdlib,
      };
      helper.postMessage(message, [material.stdlib.buffer]);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 5000 });
    else setTimeout(start, 1000);
  }

  /** Python did not stop (it caught KeyboardInterrupt, or is stuck in C), or crashed: start over with a new worker. */
  private replaceWorker(status?: RunStatus) {
    const active = this.active;
    this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
    this.setState({ kind: 'idle' });
    if (active) {
      this.finish({ status: status ?? active.stopReason ?? 'stopped', output: active.output, durationMs: 0 });
    }
    void this.load().catch(() => undefined);
  }

  /** The worker died (out of memory, most likely): report it in the run's output and start a fresh one. */
  private crashed(message: string) {
    const active = this.active;
    if (active) {
      const chunk: OutputChunk = {
        stream: 'stderr',
        text: `\nPython stopped: ${message}. It was restarted; your code is unchanged.\n`,
      };
      active.output.push(chunk);
      active.options.onOutput?.(chunk);
    }
    this.replaceWorker('error');
  }

  private fail(message: string) {
    this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
    this.setState({ kind: 'failed', message });
  }
}
