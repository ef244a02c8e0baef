import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { installStandins } from '../../src/python/standins/index.ts';
import { currentReferencePython } from './currentReference.ts';

/*
 * tests/fidelity/demo_api.py, the lesson's demo API written with Flask and Flask-JWT-Extended,
 * run two ways: on the in-browser stand-ins in Pyodide, and on the real current releases in
 * CPython (scripts/reference-python.sh). Both take the same requests and answer the same way.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
export const DEMO_API_PY = path.join(root, 'tests/fidelity/demo_api.py');

/** One request to the demo API, with the server's state when it arrives. */
export interface DemoRequest {
  method: string;
  path: string;
  /** In the order sent; a name may come twice. */
  headers: [string, string][];
  body: string;
  /** The server's clock, seconds since the epoch. */
  clock: number;
  /** `JWT_SECRET_KEY` at that moment. */
  secret: string;
  /** What uuid4() hands out while answering, in order (FJE's jti, then csrf). */
  uuids: string[];
}

/** What came back: the status line's text, the headers in order, the body as text. */
export interface DemoResponse {
  status: string;
  headers: [string, string][];
  body: string;
}

export type AnswerRequests = (requests: readonly DemoRequest[]) => DemoResponse[];

/** demo_api.py on the stand-ins, in a Pyodide of its own (a few seconds to start). */
export async function standinDemoApi(): Promise<AnswerRequests> {
  const pyodide = await loadPyodide();
  const sitePackages = pyodide.runPython('import site; site.getsitepackages()[0]') as string;
  installStandins(pyodide, sitePackages);
  pyodide.FS.mkdirTree('/differential');
  pyodide.FS.writeFile('/differential/demo_api.py', readFileSync(DEMO_API_PY, 'utf8'));
  const answer = pyodide.runPython(
    'import sys; sys.path.insert(0, "/differential"); import demo_api; demo_api.answer',
  ) as (json: string) => string;
  return (requests) => JSON.parse(answer(JSON.stringify(requests))) as DemoResponse[];
}

/**
 * demo_api.py on the real Flask, Werkzeug, PyJWT and Flask-JWT-Extended, or why it cannot
 * run here (the caller skips loudly then).
 */
export function referenceDemoApi(): AnswerRequests | { missing: string } {
  const reference = currentReferencePython({ install: false });
  if ('missing' in reference) return reference;
  return (requests) =>
    JSON.parse(
      execFileSync(reference.python, ['-s', DEMO_API_PY], {
        input: JSON.stringify(requests),
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, ...reference.env, PYTHONHASHSEED: '0' },
      }),
    ) as DemoResponse[];
}
