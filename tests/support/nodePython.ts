import { loadPyodide, type PyodideInterface } from 'pyodide';
import type { RunPython } from '../../src/exercise/index.ts';

let pyodide: Promise<PyodideInterface> | undefined;

/**
 * Real Python (Pyodide from node_modules) for unit and content tests, run the
 * way the page's worker runs a program: stdout collected, the run's end status.
 * No time limit from outside: the grading harness limits each call itself.
 */
export async function nodeRunPython(): Promise<RunPython> {
  pyodide ??= loadPyodide();
  const py = await pyodide;
  const decoder = new TextDecoder();
  let stdout = '';
  let stderr = '';
  py.setStdout({
    write: (bytes) => {
      stdout += decoder.decode(bytes);
      return bytes.length;
    },
  });
  py.setStderr({
    write: (bytes) => {
      stderr += decoder.decode(bytes);
      return bytes.length;
    },
  });
  return async (program) => {
    stdout = '';
    stderr = '';
    const globals = py.toPy({});
    try {
      py.runPython(program, { globals, filename: 'main.py' });
      return { status: 'ok', stdout, stderr };
    } catch (error) {
      return { status: 'error', stdout, stderr: `${stderr}${(error as Error).message}` };
    } finally {
      globals.destroy();
    }
  };
}
