import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Debian's interpreter, the one that sees python3-flask and python3-jwt (the
 * pyenv `python3` first on PATH does not).
 */
export const REFERENCE_PYTHON = process.env.REFERENCE_PYTHON ?? '/usr/bin/python3';

/** Whether the reference interpreter can import every named module. */
export function referencePythonHas(...modules: string[]): boolean {
  if (!existsSync(REFERENCE_PYTHON)) return false;
  const probe = spawnSync(REFERENCE_PYTHON, ['-c', modules.map((name) => `import ${name}`).join('; ')], {
    stdio: 'ignore',
  });
  return probe.status === 0;
}

/** Runs a file with the reference interpreter and returns what it printed. */
export function runReferencePython(file: string, cwd: string): string {
  return execFileSync(REFERENCE_PYTHON, [file], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    // A failing run's stderr travels in the thrown error, not into the test log.
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONHASHSEED: '0' },
  });
}

/** Says loudly why a comparison did not run, so a skipped check is never mistaken for a pass. */
export function warnSkipped(what: string, why: string): void {
  console.warn(`\n!!! SKIPPED: ${what}\n!!! ${why}\n`);
}
