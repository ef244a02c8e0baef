import { describe, expect, it } from 'vitest';
import { PythonRuntime } from './client';
import type { FromWorker, ToWorker } from './protocol';

/** A stand-in for the Python worker: records what the page sends, answers as the test says. */
class FakeWorker {
  static created: FakeWorker[] = [];
  received: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.created.push(this);
  }
  postMessage(message: ToWorker) {
    this.received.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(message: FromWorker) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

function runtime() {
  FakeWorker.created = [];
  const python = new PythonRuntime(() => new FakeWorker() as unknown as Worker, '/pyodide/');
  return { python, worker: () => FakeWorker.created.at(-1) as FakeWorker };
}

describe('PythonRuntime (page side of the worker protocol)', () => {
  it('loads once, reporting progress, and runs programs with their output in order', async () => {
    const { python, worker } = runtime();
    const loading = python.load();
    expect(python.load()).toBe(loading);
    expect(worker().received[0]).toMatchObject({ type: 'init', indexURL: '/pyodide/' });
    worker().answer({ type: 'progress', stage: 'downloading', loadedBytes: 5, totalBytes: 10 });
    expect(python.getState()).toEqual({ kind: 'loading', stage: 'downloading', loadedBytes: 5, totalBytes: 10 });
    worker().answer({ type: 'ready', version: '314.0.7', startMs: 1234 });
    await loading;
    expect(python.getState()).toMatchObject({ kind: 'ready', version: '314.0.7' });

    const seen: string[] = [];
    const running = python.run('print(1)', { onOutput: (chunk) => seen.push(`${chunk.stream}:${chunk.text}`) });
    await Promise.resolve();
    const run = worker().received.at(-1);
    expect(run).toMatchObject({ type: 'run', code: 'print(1)' });
    const runId = run?.type === 'run' ? run.runId : 0;
    worker().answer({ type: 'output', runId: runId + 99, chunks: [{ stream: 'stdout', text: 'stale' }] });
    worker().answer({
      type: 'output',
      runId,
      chunks: [
        { stream: 'stdout', text: 'a' },
        { stream: 'stderr', text: 'b' },
      ],
    });
    worker().answer({ type: 'done', runId, status: 'ok', durationMs: 3, exitCode: 0, wasmMemoryBytes: 42 });
    await expect(running).resolves.toEqual({
      status: 'ok',
      output: [
        { stream: 'stdout', text: 'a' },
        { stream: 'stderr', text: 'b' },
      ],
      durationMs: 3,
      exitCode: 0,
      wasmMemoryBytes: 42,
    });
    expect(seen).toEqual(['stdout:a', 'stderr:b']);
  });

  it('replaces a worker that will not stop: timeout, then Stop', async () => {
    const { python, worker } = runtime();
    const loading = python.load();
    worker().answer({ type: 'ready', version: 'x', startMs: 1 });
    await loading;
    const first = worker();
    const result = await python.run('while True: pass', { timeoutSeconds: 0.05 });
    expect(result.status).toBe('timeout');
    expect(first.terminated).toBe(true);
    expect(FakeWorker.created).toHaveLength(2); // a fresh one is already starting
    worker().answer({ type: 'ready', version: 'x', startMs: 1 });
    const stopped = python.run('while True: pass');
    await Promise.resolve();
    await Promise.resolve();
    python.stop();
    await expect(stopped).resolves.toMatchObject({ status: 'stopped' });
  });

  it('replaces the worker after a run that left a Worker or timer running, keeping the run’s result', async () => {
    const { python, worker } = runtime();
    const loading = python.load();
    worker().answer({ type: 'ready', version: 'x', startMs: 1 });
    await loading;
    const first = worker();
    const running = python.run('import js\njs.Worker.new("spin.js")');
    await Promise.resolve();
    const run = first.received.at(-1);
    const runId = run?.type === 'run' ? run.runId : 0;
    first.answer({
      type: 'done',
      runId,
      status: 'ok',
      durationMs: 1,
      exitCode: 0,
      wasmMemoryBytes: 1,
      replaceWorker: true,
    });
    await expect(running).resolves.toMatchObject({ status: 'ok', exitCode: 0 });
    expect(first.terminated).toBe(true);
    expect(FakeWorker.created).toHaveLength(2);
    expect(python.getState()).toMatchObject({ kind: 'loading' });
  });

  it('reports a crashed worker in the output and starts a fresh one', async () => {
    const { python, worker } = runtime();
    const loading = python.load();
    worker().answer({ type: 'ready', version: 'x', startMs: 1 });
    await loading;
    const running = python.run('x = []\nwhile True: x.append(bytearray(10**8))');
    await Promise.resolve();
    worker().onerror?.({ message: 'RangeError: Out of memory', preventDefault: () => undefined } as ErrorEvent);
    const result = await running;
    expect(result.status).toBe('error');
    expect(result.output.at(-1)?.text).toContain('Python stopped: RangeError: Out of memory. It was restarted');
    expect(FakeWorker.created).toHaveLength(2);
  });

  it('says why Python could not start', async () => {
    const { python, worker } = runtime();
    const loading = python.load();
    worker().answer({ type: 'init-failed', message: '/pyodide/pyodide.asm.wasm: HTTP 404' });
    await expect(loading).rejects.toThrow('HTTP 404');
    expect(python.getState()).toEqual({ kind: 'failed', message: '/pyodide/pyodide.asm.wasm: HTTP 404' });
  });
});
