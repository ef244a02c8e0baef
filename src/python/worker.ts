/// <reference lib="webworker" />
// The Python worker: loads Pyodide from the app's own origin, installs the
// course's stand-in modules, and runs learner code with its output streamed back.
import type { PyodideAPI } from 'pyodide';
import { PYTHON_DOWNLOAD_BYTES } from './loadPhases';
import type { FromWorker, LoadStage, OutputChunk, RunStatus, ToWorker } from './protocol';
import runnerSource from './runner.py?raw';
import { restartNote, watchScheduling } from './scheduling';
import { STANDIN_FILES } from './standins';
import { registerStandinHashing } from './standins/hashing';

declare const self: DedicatedWorkerGlobalScope;

// The worker's own timers, taken before the learner's are watched (below).
const ownSetTimeout = self.setTimeout.bind(self);
const ownClearTimeout = self.clearTimeout.bind(self);

const post = (message: FromWorker) => self.postMessage(message);
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

/** Downloads a file with progress, into memory. */
async function download(url: string, onBytes: (bytes: number) => void): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onBytes(value.length);
  }
  return new Blob(chunks, { type: response.headers.get('Content-Type') ?? '' });
}

/**
 * Serves Pyodide's own requests for files already downloaded from memory. Without it
 * Pyodide fetched them a second time, and a 9.6 MB wasm is too big for Chromium's memory
 * cache: in a fresh profile the second fetch downloaded it again. Returns the undo.
 */
function serveFromMemory(files: Map<string, Blob>): () => void {
  const networkFetch = self.fetch;
  self.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : new URL(input, self.location.href).href;
    const blob = files.get(url);
    if (!blob) return networkFetch(input, init);
    const type = url.endsWith('.wasm') ? 'application/wasm' : blob.type || 'application/octet-stream';
    return Promise.resolve(new Response(blob, { headers: { 'Content-Type': type } }));
  };
  return () => {
    self.fetch = networkFetch;
  };
}

/** Reports when Pyodide starts and ends compiling its WebAssembly (it calls one of these two). Returns the undo. */
function watchWasmCompile(onStart: () => void, onEnd: () => void): () => void {
  const { instantiate, instantiateStreaming } = WebAssembly;
  const timed = <T>(work: () => Promise<T>): Promise<T> => {
    onStart();
    return work().finally(onEnd);
  };
  WebAssembly.instantiateStreaming = (source, imports) => timed(() => instantiateStreaming(source, imports));
  WebAssembly.instantiate = ((source: BufferSource | WebAssembly.Module, imports?: WebAssembly.Imports) =>
    timed(() => instantiate(source as BufferSource, imports))) as typeof WebAssembly.instantiate;
  return () => {
    WebAssembly.instantiate = instantiate;
    WebAssembly.instantiateStreaming = instantiateStreaming;
  };
}

async function init(message: Extract<ToWorker, { type: 'init' }>) {
  const started = performance.now();
  const phaseMs: Partial<Record<LoadStage, number>> = {};
  let phaseStarted = started;
  let stage: LoadStage = 'downloading';
  let loadedBytes = 0;
  let totalBytes = PYTHON_DOWNLOAD_BYTES;
  let lastPost = 0;
  const report = () => post({ type: 'progress', stage, loadedBytes, totalBytes });
  const enter = (next: LoadStage) => {
    const now = performance.now();
    phaseMs[stage] = (phaseMs[stage] ?? 0) + now - phaseStarted;
    phaseStarted = now;
    stage = next;
    report();
  };
  report();

  // Pyodide's JavaScript (1.3 MB) loads while the big files download, not after them;
  // loadPyodide's own import of pyodide.asm.mjs then finds it in the module map.
  const pyodideModule = import(/* @vite-ignore */ `${message.indexURL}pyodide.mjs`) as Promise<
    typeof import('pyodide')
  >;
  const asmModule = import(/* @vite-ignore */ `${message.indexURL}pyodide.asm.mjs`);
  const big = ['pyodide.asm.wasm', 'python_stdlib.zip'].map(
    (file) => new URL(message.indexURL + file, self.location.href).href,
  );
  const blobs = await Promise.all(
    big.map((url) =>
      download(url, (bytes) => {
        loadedBytes += bytes;
        // The real size wins over the build's figure (a host may serve other files).
        totalBytes = Math.max(totalBytes, loadedBytes);
        if (performance.now() - lastPost > 100) {
          lastPost = performance.now();
          report();
        }
      }),
    ),
  );
  totalBytes = loadedBytes;
  const { loadPyodide } = await pyodideModule;
  await asmModule;
  const restoreFetch = serveFromMemory(new Map(big.map((url, index) => [url, blobs[index] as Blob])));
  const restoreCompile = watchWasmCompile(
    () => enter('compiling'),
    () => enter('stdlib'),
  );
  let py: PyodideAPI;
  try {
    py = await loadPyodide({ indexURL: message.indexURL, packages: [] });
  } finally {
    restoreFetch();
    restoreCompile();
  }
  enter('standins');
  const sitePackages = py.runPython('import site; site.getsitepackages()[0]') as string;
  for (const file of STANDIN_FILES) {
    const target = `${sitePackages}/${file.path}`;
    py.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
    py.FS.writeFile(target, file.source);
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
    downloadedBytes: totalBytes,
  });
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
