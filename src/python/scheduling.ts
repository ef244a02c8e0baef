// Learner code reaches JavaScript through Pyodide (`js`, `pyodide.code.run_js`, any
// JsProxy's `.constructor`): it can start a Worker or a timer that keeps running, and
// burning a core, after the program ends, when the page no longer offers Stop.

/** Globals that start work which can outlive the program that started them. */
export const SCHEDULING_FUNCTIONS = ['setTimeout', 'setInterval', 'requestAnimationFrame', 'fetch'] as const;
export const SCHEDULING_CONSTRUCTORS = [
  'Worker',
  'SharedWorker',
  'MessageChannel',
  'BroadcastChannel',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
] as const;

export type SchedulingName = (typeof SCHEDULING_FUNCTIONS)[number] | (typeof SCHEDULING_CONSTRUCTORS)[number];

export interface SchedulingWatch {
  /** What was started while `isWatching()` was true since the last call, in the order first seen; then forgets it. */
  takeStarted(): SchedulingName[];
}

type AnyFunction = (...args: unknown[]) => unknown;
type AnyConstructor = new (...args: unknown[]) => object;

/**
 * Replaces the scope's scheduling globals with versions that record their use
 * while `isWatching()` is true, then do the same as before. Every route to them
 * (`js.Worker`, `js.self.Worker`, `js.globalThis.Worker`, `run_js`, a subclass)
 * ends at these properties; the originals stay only in this closure, and
 * `Worker.prototype.constructor` is pointed at the replacement so an instance
 * cannot hand the original back. Install it before anything else captures them,
 * and capture your own `setTimeout` before installing it.
 *
 * @example
 * const watch = watchScheduling(self, () => runActive);
 * // ...learner code calls js.setInterval(...)
 * watch.takeStarted(); // ['setInterval']
 */
export function watchScheduling(scope: object, isWatching: () => boolean): SchedulingWatch {
  const globals = scope as Record<string, unknown>;
  const started = new Set<SchedulingName>();
  const record = (name: SchedulingName) => {
    if (isWatching()) started.add(name);
  };

  for (const name of SCHEDULING_FUNCTIONS) {
    const original = globals[name];
    if (typeof original !== 'function') continue;
    const tracked = function (this: unknown, ...args: unknown[]) {
      record(name);
      return (original as AnyFunction).apply(this ?? scope, args);
    };
    Object.defineProperty(tracked, 'name', { value: name });
    globals[name] = tracked;
  }

  for (const name of SCHEDULING_CONSTRUCTORS) {
    const original = globals[name];
    if (typeof original !== 'function') continue;
    const Original = original as AnyConstructor;
    const Tracked = function (this: unknown, ...args: unknown[]) {
      if (!new.target) throw new TypeError(`Failed to construct '${name}': Please use the 'new' operator.`);
      record(name);
      return Reflect.construct(Original, args, new.target === Tracked ? Original : new.target);
    };
    Object.defineProperty(Tracked, 'name', { value: name });
    Tracked.prototype = Original.prototype;
    Object.defineProperty(Original.prototype, 'constructor', {
      value: Tracked,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    globals[name] = Tracked;
  }

  return {
    takeStarted() {
      const names = [...started];
      started.clear();
      return names;
    },
  };
}

/**
 * The note shown under the output when a run started any of these: true for what it did.
 *
 * @example restartNote(['Worker']) // '[Your program started a JavaScript Worker, ...'
 */
export function restartNote(started: readonly SchedulingName[]): string {
  return (
    `\n[Your program started JavaScript work (${started.join(', ')}) that would keep running after it ended. ` +
    'Python is being restarted to stop it; your code is unchanged.]\n'
  );
}
