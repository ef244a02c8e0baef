import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The current releases of Flask, Werkzeug, PyJWT and Flask-JWT-Extended, run by real CPython:
 * the reference every fidelity program's committed `.expected.txt` comes from.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
export const FIDELITY_DIR = path.join(root, 'tests/fidelity/snippets');
const RUNNER = path.join(root, 'tests/fidelity/runner.py');

export interface FidelityProgram {
  name: string;
  file: string;
  expectedFile: string;
}

/** Every fidelity program (files starting with `_` are helpers they import). */
export function fidelityPrograms(): FidelityProgram[] {
  return readdirSync(FIDELITY_DIR)
    .filter((name) => name.endsWith('.py') && !name.startsWith('_'))
    .sort()
    .map((name) => ({
      name,
      file: path.join(FIDELITY_DIR, name),
      expectedFile: path.join(FIDELITY_DIR, name.replace(/\.py$/, '.expected.txt')),
    }));
}

export const readExpected = (program: FidelityProgram): string | undefined =>
  existsSync(program.expectedFile) ? readFileSync(program.expectedFile, 'utf8') : undefined;

/** The interpreter and environment that import the current releases, or undefined (with why). */
export function currentReferencePython(options: {
  install: boolean;
}): { python: string; env: NodeJS.ProcessEnv } | { missing: string } {
  if (process.env.REFERENCE_CURRENT_PYTHON) return { python: process.env.REFERENCE_CURRENT_PYTHON, env: {} };
  const python = '/usr/bin/python3';
  const site = path.join(root, '.cache/reference-python/root/usr/lib/python3/dist-packages');
  if (!existsSync(path.join(root, '.cache/reference-python/.complete'))) {
    if (!options.install)
      return { missing: 'run scripts/reference-python.sh (Debian sid packages, unpacked under .cache/)' };
    const made = spawnSync(path.join(root, 'scripts/reference-python.sh'), { stdio: ['ignore', 'ignore', 'inherit'] });
    if (made.status !== 0) return { missing: 'scripts/reference-python.sh failed' };
  }
  if (!existsSync(python)) return { missing: `${python} does not exist` };
  return { python, env: { PYTHONPATH: site } };
}

/** What each program shows with the real current libraries (runner.py's format). */
export function currentReferenceOutputs(files: string[], options = { install: true }): Record<string, string> {
  const reference = currentReferencePython(options);
  if ('missing' in reference) throw new Error(`no current reference Python: ${reference.missing}`);
  const json = execFileSync(reference.python, ['-s', RUNNER, ...files], {
    cwd: FIDELITY_DIR,
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...reference.env, PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1' },
  });
  return JSON.parse(json) as Record<string, string>;
}
