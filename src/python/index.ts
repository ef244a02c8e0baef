// Real Python in the browser: Pyodide in a Web Worker, with the course's stand-ins.
import { PythonRuntime } from './client';

export {
  DEFAULT_TIMEOUT_SECONDS,
  OUTPUT_LIMIT_BYTES,
  PythonRuntime,
  type RunOptions,
  type RunResult,
  type RuntimeState,
} from './client';
export type { OutputChunk, RunStatus } from './protocol';

let shared: PythonRuntime | undefined;

/** The page's one Python runtime, shared by every runnable example. Created on first use. */
export function pythonRuntime(): PythonRuntime {
  shared ??= new PythonRuntime(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python' }),
    `${import.meta.env.BASE_URL}${__PYODIDE_FOLDER__.slice(1)}`,
  );
  return shared;
}
