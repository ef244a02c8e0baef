// @vitest-environment node
import { readFileSync } from 'node:fs';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { restartNote, type SchedulingWatch, watchScheduling } from './scheduling';
import { registerStandinHashing } from './standins/hashing.ts';
import { installStandins } from './standins/index.ts';

/** Node has no Worker: a stand-in that records what it was asked to start. */
class FakeWorker {
  static started: string[] = [];
  constructor(readonly url: string) {
    FakeWorker.started.push(url);
  }
  terminate() {}
}

const scope = globalThis as unknown as Record<string, unknown>;
let pyodide: PyodideInterface;
let watch: SchedulingWatch;
let watching = false;
let runLearnerCode: (code: string) => number;
const timers: unknown[] = [];

beforeAll(async () => {
  scope.Worker = FakeWorker;
  // As the worker does: installed before Pyodide loads, so nothing captures an original.
  watch = watchScheduling(globalThis, () => watching);
  pyodide = await loadPyodide();
  registerStandinHashing(pyodide);
  installStandins(pyodide, pyodide.runPython('import site; site.getsitepackages()[0]') as string);
  const namespace = pyodide.globals.get('dict')();
  pyodide.runPython(readFileSync(new URL('./runner.py', import.meta.url), 'utf8'), { globals: namespace });
  runLearnerCode = namespace.get('run_learner_code');
  pyodide.setStderr({ batched: () => undefined });
  pyodide.setStdout({ batched: () => undefined });
}, 60_000);

afterEach(() => {
  for (const timer of timers.splice(0)) clearInterval(timer as ReturnType<typeof setInterval>);
  FakeWorker.started = [];
  watch.takeStarted();
});

/** Runs a program as the page's worker does, returning its exit code and what it started. */
function run(code: string) {
  watching = true;
  try {
    return { exitCode: runLearnerCode(code), started: watch.takeStarted() };
  } finally {
    watching = false;
  }
}

const keep = 'import js\njs.globalThis.keepTimer = '; // lets afterEach clear what a program started

describe('watchScheduling, with real Pyodide', () => {
  it.each([
    ['js.Worker', 'import js\njs.Worker.new("spin.js")'],
    ['js.globalThis.Worker', 'import js\njs.globalThis.Worker.new("spin.js")'],
    ['from js import Worker', 'from js import Worker\nWorker.new("spin.js")'],
    ['the prototype’s constructor', 'import js\njs.Worker.prototype.constructor.new("spin.js")'],
    ['run_js', 'from pyodide.code import run_js\nrun_js("new Worker(\'spin.js\')")'],
    ['a JavaScript subclass', 'from pyodide.code import run_js\nrun_js("new (class extends Worker {})(\'spin.js\')")'],
    ['the Function constructor', 'import js\njs.Object.constructor("return new Worker(\'spin.js\')")()'],
  ])('sees a Worker started through %s, and still starts it', (_route, code) => {
    expect(run(code)).toEqual({ exitCode: 0, started: ['Worker'] });
    expect(FakeWorker.started).toEqual(['spin.js']);
  });

  it('gives no way back to the original constructor', () => {
    const code = [
      'import js',
      'worker = js.Worker.new("a.js")',
      'assert worker.constructor == js.Worker',
      'assert js.Object.getPrototypeOf(js.Worker) == js.Function.prototype',
    ].join('\n');
    expect(run(code)).toEqual({ exitCode: 0, started: ['Worker'] });
  });

  it('sees timers, message channels and requests that call back later', () => {
    const code = [
      'from pyodide.ffi import create_proxy',
      `${keep}js.setInterval(create_proxy(lambda: None), 60000)`,
      'js.clearInterval(js.globalThis.keepTimer)',
      `${keep}js.setTimeout(create_proxy(lambda: None), 60000)`,
      'js.clearTimeout(js.globalThis.keepTimer)',
      'js.MessageChannel.new().port1.close()',
      'js.fetch("data:,x")',
    ].join('\n');
    expect(run(code)).toEqual({ exitCode: 0, started: ['setInterval', 'setTimeout', 'MessageChannel', 'fetch'] });
  });

  it('sees nothing in ordinary programs, Flask and JWT included', () => {
    const code = [
      'import time, json, jwt',
      'from flask import Flask, jsonify',
      'app = Flask(__name__)',
      '@app.get("/")',
      'def home():',
      '    return jsonify(ok=True)',
      'print(app.test_client().get("/").get_json())',
      'token = jwt.encode({"sub": "alice"}, "a-secret-key-of-32-bytes-or-more!", algorithm="HS256")',
      'print(jwt.decode(token, "a-secret-key-of-32-bytes-or-more!", algorithms=["HS256"]))',
      'time.sleep(0.01)',
    ].join('\n');
    expect(run(code)).toEqual({ exitCode: 0, started: [] });
  });

  it('ignores what the worker itself starts outside a run', () => {
    timers.push(setTimeout(() => undefined, 60_000));
    expect(watch.takeStarted()).toEqual([]);
  });

  it('says what was started, and what happens next', () => {
    expect(restartNote(['Worker', 'setInterval'])).toContain('(Worker, setInterval)');
    expect(restartNote(['Worker'])).toContain('Python is being restarted to stop it');
  });
});
