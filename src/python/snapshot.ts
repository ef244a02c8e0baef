/**
 * Python's memory snapshot: what goes into it, its key, and what must be redone after a
 * restore. A normal start compiles the standard library and the stand-ins from source
 * (most of the start on a slow machine); a snapshot taken after those imports restores
 * the interpreter's whole memory instead. After the first start in this browser, a second
 * short-lived worker makes it from the files the first one downloaded (see worker.ts), and
 * the browser keeps it (see snapshotStore.ts): it is never downloaded.
 *
 * Pyodide's snapshot API (`_makeSnapshot`, `makeMemorySnapshot`, `_loadSnapshot`) is private
 * and may change with its version: the key holds the version, a restore that fails falls
 * back to a normal start, and every use is guarded so that a snapshot never stops Python.
 */
import type { PyodideAPI } from 'pyodide';
import runnerSource from './runner.py?raw';
import { STANDIN_FILES } from './standins';

/**
 * The standard library modules the lessons and the runner use, imported before the
 * snapshot is taken (the stand-ins' own imports come with them). A module missing here
 * still works: it is imported from the zip on first use, as without a snapshot.
 */
export const PRELOADED_STDLIB = [
  'base64',
  'binascii',
  'collections',
  'copy',
  'dataclasses',
  'datetime',
  'functools',
  'hashlib',
  'hmac',
  'io',
  'json',
  'random',
  're',
  'secrets',
  'string',
  'struct',
  'time',
  'traceback',
  'typing',
  'unicodedata',
  'urllib.parse',
  'uuid',
  'warnings',
  'zlib',
] as const;

/** The stand-ins' module names, from their files: `flask/json/__init__.py` is `flask.json`. */
export function standinModuleNames(paths: readonly string[] = STANDIN_FILES.map((file) => file.path)): string[] {
  return paths.map((path) =>
    path
      .replace(/\.py$/, '')
      .replace(/\/__init__$/, '')
      .replaceAll('/', '.'),
  );
}

/**
 * Run in a throwaway namespace just before the snapshot: imports what the lessons use.
 * A module that fails to import is left out (and named), rather than losing the snapshot.
 */
export function preloadCode(modules: readonly string[]): string {
  return `
import importlib
failed = []
for name in ${JSON.stringify(modules)}:
    try:
        importlib.import_module(name)
    except Exception as error:  # noqa: BLE001
        failed.append(f"{name}: {error!r}")
failed
`;
}

/**
 * Run after a restore. The snapshot froze the state of the moment it was taken: without
 * this, every visit would draw the same "random" numbers. `random.seed()` reseeds the
 * module's generator from os.urandom (the browser's crypto), as at interpreter start.
 * `secrets`, `uuid.uuid4` and `random.SystemRandom` read os.urandom on every call and
 * `time` reads the clock on every call: nothing of theirs is frozen. Python's string
 * hash seed is fixed by the snapshot and cannot change under live dicts; it is only a
 * defence against crafted hash collisions, which no lesson relies on.
 * The files the stand-ins import lazily are written again (the file system is not in the
 * snapshot), so the import caches are dropped too.
 */
export const AFTER_RESTORE_CODE = `
import importlib, random, sys
importlib.invalidate_caches()
random.seed()
all(name in sys.modules for name in ("flask", "jwt", "flask_jwt_extended", "werkzeug"))
`;

/** Raised for a snapshot that restored but does not hold what this build puts in one. */
export class SnapshotMismatchError extends Error {
  readonly code = 'ERR_PYTHON_SNAPSHOT_MISMATCH';
}

/** Checks a restored interpreter and reseeds what the snapshot froze (see AFTER_RESTORE_CODE). */
export function afterRestore(py: Pick<PyodideAPI, 'runPython'>): void {
  if (py.runPython(AFTER_RESTORE_CODE) !== true) {
    throw new SnapshotMismatchError('the snapshot does not hold the course’s modules');
  }
}

/**
 * Identifies a snapshot's content: Pyodide's version, the stdlib zip served (the snapshot
 * holds zipimport's offsets into it), the modules preloaded, the stand-ins and the runner.
 * Computed in the worker from the very sources bundled into it, so it cannot drift from them.
 *
 * @example
 * await snapshotKey('314.0.7', 'fe1e2432877f64cb') // '314.0.7-fe1e2432877f64cb-3a9c…'
 */
export async function snapshotKey(pyodideVersion: string, stdlibDigest: string): Promise<string> {
  const content = JSON.stringify({
    recipe: preloadCode([...PRELOADED_STDLIB, ...standinModuleNames()]),
    afterRestore: AFTER_RESTORE_CODE,
    runner: runnerSource,
    standins: STANDIN_FILES,
  });
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(content)));
  const hex = Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${pyodideVersion}-${stdlibDigest}-${hex}`;
}
