/// <reference lib="webworker" />
// The Python worker: loads Pyodide from the app's own origin (from a memory snapshot this
// browser made after its first start, when it has one), installs the course's stand-in
// modules, and runs learner code with its output streamed back.
import type { PyodideAPI } from 'pyodide';
import { DownloadMeter, meteredFetch } from './downloadMeter';
import { PYTHON_DOWNLOAD_BYTES, PYTHON_DOWNLOAD_FILES } from './loadPhases';
import type { FromWorker, LoadStage, OutputChunk, RunStatus, SnapshotUse, ToWorker } from './protocol';
import runnerSource from './runner.py?raw';
import { restartNote, watchScheduling } from './scheduling';
import { afterRestore, PRELOADED_STDLIB, preloadCode, snapshotKey, standinModuleNames } from './snapshot';
import { openSnapshotStore, type SnapshotStore } from './snapshotStore';
import { installStandins } from './standins';
import { registerStandinHashing } from './standins/hashing';

declare const self: DedicatedWorkerGlobalScope;

// The worker's own timers, taken before the learner's are watched (below).
const ownSetTimeout = self.setTimeout.bind(self);
const ownClearTimeout = self.clearTimeout.bind(self);

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);
const OUTPUT_FLUSH_MS = 40;
const OUTPUT_FLUSH_BYTES = 32 * 1024;

let pyodide: PyodideAPI | undefined;
let runLearnerCode: ((code: string) => number) | undefined;
let interrupt: Uint8Array | undefined;

// Output of the current run, batched so a print loop cannot flood the page.
let current: { runId: number; limit: number; bytes: number; over: boolean } | undefined;
let pending: OutputChunk[] = [];
let pendingBytes = 0;
let flushTimer: number | undefined;
const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };

// Installed before Pyodide loads, so no route from Python reaches an unwatched original.
const scheduling = watchScheduling(self, () => current !== undefined);

function flush() {
  if (flushTimer) ownClearTimeout(flushTimer);
  flushTimer = undefined;
  if (!current || pending.length === 0) return;
  post({ type: 'output', runId: current.runId, chunks: pending });
  pending = [];
  pendingBytes = 0;
}

function write(stream: 'stdout' | 'stderr', bytes: Uint8Array): number {
  if (!current) return bytes.length;
  if (current.over) return bytes.length;
  const room = current.limit - current.bytes;
  const kept = bytes.length > room ? bytes.subarray(0, Math.max(0, room)) : bytes;
  current.bytes += kept.length;
  const text = decoders[stream].decode(kept, { stream: true });
  const last = pending.at(-1);
  if (last && last.stream === stream) last.text += text;
  else pending.push({ stream, text });
  pendingBytes += text.length;
  if (kept.length < bytes.length) {
    current.over = true;
    pending.push({
      stream: 'stderr',
      text: `\n[Output cut after ${Math.round(current.limit / 1000)} KB: the program printed too much and was stopped.]\n`,
    });
    // Stop the program: nobody reads megabytes of output in a lesson.
    if (interrupt) interrupt[0] = 2;
    flush();
  } else if (pendingBytes >= OUTPUT_FLUSH_BYTES) {
    flush();
  } else {
    flushTimer ??= ownSetTimeout(flush, OUTPUT_FLUSH_MS);
  }
  return bytes.length;
}

/**
 * Reports when Pyodide starts and ends compiling its WebAssembly (it calls one of these two),
 * with the compiled module (for the worker that makes the snapshot). Returns the undo.
 */
function watchWasmCompile(onStart: () => void, onEnd: (module?: WebAssembly.Module) => void): () => void {
  const { instantiate, instantiateStreaming } = WebAssembly;
  const timed = <T>(work: () => Promise<T>): Promise<T> => {
    onStart();
    return work().then(
      (result) => {
        onEnd((result as { module?: WebAssembly.Module }).module);
        return result;
      },
      (error: unknown) => {
        onEnd();
        throw error;
      },
    );
  };
  WebAssembly.instantiateStreaming = (source, imports) => timed(() => instantiateStreaming(source, imports));
  WebAssembly.instantiate = ((source: BufferSource | WebAssembly.Module, imports?: WebAssembly.Imports) =>
    timed(() => instantiate(source as BufferSource, imports))) as typeof WebAssembly.instantiate;
  return () => {
    WebAssembly.instantiate = instantiate;
    WebAssembly.instantiateStreaming = instantiateStreaming;
  };
}

/** The memory snapshot's store, or undefined without Cache Storage (the start is then a normal one). */
async function snapshotStoreFor(pyodideVersion: string): Promise<SnapshotStore | undefined> {
  try {
    return await openSnapshotStore(await snapshotKey(pyodideVersion, __PYTHON_STDLIB_DIGEST__));
  } catch {
    return undefined;
  }
}

/**
 * The other role of this script: a short-lived second worker that makes the snapshot the
 * next visits start from, while the learner's Python is already running in the first. It
 * starts Python on the first worker's compiled WebAssembly and standard library (nothing is
 * downloaded again), imports what the lessons use and keeps the snapshot. Nothing registers
 * a JavaScript object with this Python: a snapshot can only hold objects it can find again
 * from the worker's globals.
 */
async function makeSnapshot(message: Extract<ToWorker, { type: 'make-snapshot' }>): Promise<void> {
  const { loadPyodide, version } = (await import(
    /* @vite-ignore */ `${message.indexURL}pyodide.mjs`
  )) as typeof import('pyodide');
  const store = await snapshotStoreFor(version);
  if (!store) throw new Error('no Cache Storage');
  const networkFetch = self.fetch;
  const { instantiateStreaming } = WebAssembly;
  self.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/python_stdlib.zip')) return new Response(message.stdlib as Uint8Array<ArrayBuffer>);
    if (url.endsWith('/pyodide.asm.wasm'))
      return new Response(null, { headers: { 'Content-Type': 'application/wasm' } });
    return networkFetch(input, init);
  };
  WebAssembly.instantiateStreaming = async (_source, imports) => ({
    module: message.wasmModule,
    instance: await WebAssembly.instantiate(message.wasmModule, imports),
  });
  let py: PyodideAPI;
  try {
    py = await loadPyodide({ indexURL: message.indexURL, packages: [], _makeSnapshot: true });
  } finally {
    self.fetch = networkFetch;
    WebAssembly.instantiateStreaming = instantiateStreaming;
  }
  installStandins(py, py.runPython('import site; site.getsitepackages()[0]') as string);
  const failed = py.runPython(preloadCode([...PRELOADED_STDLIB, ...standinModuleNames()]), {
    globals: py.globals.get('dict')(),
  });
  const missing = failed.toJs() as string[];
  failed.destroy();
  if (missing.length > 0) console.warn(`Python snapshot: not preloaded: ${missing.join('; ')}`);
  await store.save(py.makeMemorySnapshot());
}

async function init(message: Extract<ToWorker, { type: 'init' }>) {
  const started = performance.now();
  const phaseMs: Partial<Record<LoadStage, number>> = {};
  let phaseStarted = started;
  let stage: LoadStage = 'downloading';
  let lastPost = 0;
  const meter = new DownloadMeter(PYTHON_DOWNLOAD_FILES);
  const report = () =>
    post({
      type: 'progress',
      stage,
      loadedBytes: meter.loadedBytes,
      totalBytes: meter.totalBytes || PYTHON_DOWNLOAD_BYTES,
    });
  const enter = (next: LoadStage) => {
    if (next === stage) return;
    const now = performance.now();
    phaseMs[stage] = (phaseMs[stage] ?? 0) + now - phaseStarted;
    phaseStarted = now;
    stage = next;
    report();
  };
  report();

  // Pyodide's JavaScript (1.3 MB) and the stored snapshot load together; loadPyodide's own
  // import of pyodide.asm.mjs then finds it in the module map.
  const pyodideModule = import(/* @vite-ignore */ `${message.indexURL}pyodide.mjs`) as Promise<
    typeof import('pyodide')
  >;
  const asmModule = import(/* @vite-ignore */ `${message.indexURL}pyodide.asm.mjs`);
  const { loadPyodide, version } = await pyodideModule;
  const store = await snapshotStoreFor(version);
  const stored = await store?.load();
  await asmModule;

  // Pyodide downloads its files itself, streaming the WebAssembly into the compiler; the
  // wrapped fetch only counts what it reads. Download, then compile (if it outlasts the
  // download), then Python's start: the phases follow whichever ends last.
  let compiled = false;
  const afterDownload = () => enter(compiled ? 'stdlib' : 'compiling');
  const networkFetch = self.fetch;
  self.fetch = meteredFetch(networkFetch, meter, () => {
    if (stage === 'downloading' && meter.allDone) afterDownload();
    else if (performance.now() - lastPost > 100) {
      lastPost = performance.now();
      report();
    }
  });
  let wasmModule: WebAssembly.Module | undefined;
  const restoreCompile = watchWasmCompile(
    () => undefined,
    (module) => {
      wasmModule = module;
      compiled = true;
      if (stage === 'compiling') enter('stdlib');
    },
  );
  const options = { indexURL: message.indexURL, packages: [] };
  let py: PyodideAPI | undefined;
  let snapshot: SnapshotUse = 'none';
  try {
    if (stored && store) {
      try {
        py = await loadPyodide({ ...options, _loadSnapshot: stored });
        installStandins(py, py.runPython('import site; site.getsitepackages()[0]') as string);
        afterRestore(py);
        snapshot = 'restored';
      } catch (error) {
        // Never let a snapshot stop Python: forget it and start as if there were none.
        console.warn('Python snapshot did not restore; starting without it:', error);
        py = undefined;
        await store.discard();
      }
    }
    py ??= await loadPyodide(options);
  } finally {
    self.fetch = networkFetch;
    restoreCompile();
  }
  enter('standins');
  if (snapshot !== 'restored') {
    installStandins(py, py.runPython('import site; site.getsitepackages()[0]') as string);
    if (store) snapshot = 'cold';
  }
  // werkzeug.security's scrypt and PBKDF2 (Pyodide's hashlib has neither).
  registerStandinHashing(py);
  py.setStdout({ write: (bytes: Uint8Array) => write('stdout', bytes) });
  py.setStderr({ write: (bytes: Uint8Array) => write('stderr', bytes) });
  py.setStdin({ stdin: () => undefined });
  if (message.interruptBuffer) {
    interrupt = new Uint8Array(message.interruptBuffer);
    py.setInterruptBuffer(interrupt);
  }
  const namespace = py.globals.get('dict')();
  py.runPython(runnerSource, { globals: namespace });
  runLearnerCode = namespace.get('run_learner_code');
  pyodide = py;
  phaseMs.standins = (phaseMs.standins ?? 0) + performance.now() - phaseStarted;
  post({
    type: 'ready',
    version: py.version,
    startMs: performance.now() - started,
    phaseMs,
    downloadedBytes: meter.loadedBytes,
    snapshot,
  });
  // The page has a second worker make the snapshot once the learner's first Run is done:
  // off the critical path, from what this worker already holds (the file system's copy of
  // the stdlib zip is the downloaded file).
  if (snapshot === 'cold' && wasmModule) {
    const stdlib = py.FS.readFile(`/lib/python${py.runPython('import sys; "%d%d" % sys.version_info[:2]')}.zip`);
    post({ type: 'snapshot-material', indexURL: message.indexURL, wasmModule, stdlib }, [stdlib.buffer]);
  }
}

/** The interpreter's WebAssembly memory: the worker's real footprint (its JS heap is small). */
function wasmMemoryBytes(): number {
  const module = (pyodide as unknown as { _module?: { HEAPU8?: Uint8Array } } | undefined)?._module;
  return module?.HEAPU8?.length ?? 0;
}

async function run(message: Extract<ToWorker, { type: 'run' }>) {
  if (!pyodide || !runLearnerCode) throw new Error('run before init');
  if (interrupt) interrupt[0] = 0;
  current = { runId: message.runId, limit: message.outputLimitBytes, bytes: 0, over: false };
  decoders.stdout = new TextDecoder();
  decoders.stderr = new TextDecoder();
  const started = performance.now();
  let status: RunStatus = 'ok';
  let exitCode: number | undefined;
  try {
    exitCode = runLearnerCode(message.code);
    if (exitCode === -2) status = current.over ? 'output-limit' : 'stopped';
    else if (exitCode !== 0) status = 'error';
    if (current.over) status = 'output-limit';
  } catch (error) {
    status = current.over ? 'output-limit' : 'error';
    write('stderr', new TextEncoder().encode(`\n${String(error)}\n`));
  }
  const durationMs = performance.now() - started;
  // Promise callbacks the program queued run now, still watched. One that never
  // ends holds back 'done', and the page's time limit then replaces this worker.
  await new Promise((resolve) => ownSetTimeout(resolve, 0));
  const startedWork = scheduling.takeStarted();
  if (startedWork.length > 0 && !current.over) write('stderr', new TextEncoder().encode(restartNote(startedWork)));
  flush();
  post({
    type: 'done',
    runId: message.runId,
    status,
    wasmMemoryBytes: wasmMemoryBytes(),
    durationMs,
    ...(exitCode !== undefined && exitCode >= 0 ? { exitCode } : {}),
    ...(startedWork.length > 0 ? { replaceWorker: true } : {}),
  });
  current = undefined;
}

/** Runs one program at a time, in the order the page sent them. */
let runs = Promise.resolve();

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'init') {
    init(message).catch((error: unknown) =>
      post({ type: 'init-failed', message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.type === 'make-snapshot') {
    makeSnapshot(message).then(
      () => post({ type: 'snapshot', state: 'saved' }),
      (error: unknown) => {
        console.warn('Python snapshot not made:', error);
        post({ type: 'snapshot', state: 'failed' });
      },
    );
  } else if (message.type === 'run') {
    runs = runs
      .then(() => run(message))
      .catch((error: unknown) => {
        // Thrown from a task, not a promise, so the page gets the worker's error event.
        ownSetTimeout(() => {
          throw error;
        }, 0);
      });
  }
};
