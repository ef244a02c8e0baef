// @vitest-environment node
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AFTER_RESTORE_CODE,
  afterRestore,
  PRELOADED_STDLIB,
  preloadCode,
  SnapshotMismatchError,
  snapshotKey,
  standinModuleNames,
} from './snapshot';
import { installStandins } from './standins';
import { registerStandinHashing } from './standins/hashing';

/*
 * Real Pyodide in Node: the snapshot the second worker makes after a first start, and what a
 * restored start must redo. (tests/e2e/pythonSnapshot.test.ts checks the same in the
 * browser, through Cache Storage.)
 */

const sitePackages = (py: PyodideAPI) => py.runPython('import site; site.getsitepackages()[0]') as string;

/** What the second worker does after a first start with Cache Storage. */
async function makeSnapshot(): Promise<Uint8Array> {
  const py = await loadPyodide({ _makeSnapshot: true });
  installStandins(py, sitePackages(py));
  const failed = py.runPython(preloadCode([...PRELOADED_STDLIB, ...standinModuleNames()]), {
    globals: py.globals.get('dict')(),
  });
  expect(failed.toJs()).toEqual([]);
  return py.makeMemorySnapshot();
}

/** What the worker does on a later visit. */
async function restore(snapshot: Uint8Array): Promise<PyodideAPI> {
  const py = await loadPyodide({ _loadSnapshot: snapshot });
  installStandins(py, sitePackages(py));
  afterRestore(py);
  registerStandinHashing(py);
  return py;
}

let snapshot: Uint8Array;
beforeAll(async () => {
  snapshot = await makeSnapshot();
});

// Each case starts Python once or more: seconds each on a busy 2-core machine.
describe('Python from a memory snapshot', { timeout: 120_000 }, () => {
  it('names every stand-in module for the preload', () => {
    expect(standinModuleNames(['flask/__init__.py', 'flask/json/provider.py', 'jwt/api_jwt.py'])).toEqual([
      'flask',
      'flask.json.provider',
      'jwt.api_jwt',
    ]);
    expect(standinModuleNames()).toContain('flask_jwt_extended');
  });

  it('restores with the stand-ins already imported, and they work', async () => {
    const py = await restore(snapshot);
    expect(py.runPython('import sys; "flask" in sys.modules and "jwt" in sys.modules')).toBe(true);
    const output: string[] = [];
    py.setStdout({ batched: (text) => output.push(text) });
    py.runPython(`
import jwt
from flask import Flask
from werkzeug.security import check_password_hash, generate_password_hash
token = jwt.encode({"sub": "alice"}, "a-string-secret-at-least-256-bits-long", algorithm="HS256")
print(jwt.decode(token, "a-string-secret-at-least-256-bits-long", algorithms=["HS256"])["sub"])
print(check_password_hash(generate_password_hash("pw", method="pbkdf2:sha256:1000"), "pw"))
print(Flask(__name__).name)
`);
    expect(output).toEqual(['alice', 'True', '__main__']);
  });

  it('draws different random numbers on two restored starts (random is reseeded)', async () => {
    const draw = 'import random, secrets, uuid; (random.random(), secrets.token_hex(8), str(uuid.uuid4()))';
    const first = (await restore(snapshot)).runPython(draw).toJs();
    const second = (await restore(snapshot)).runPython(draw).toJs();
    expect(first[0]).not.toBe(second[0]);
    expect(first[1]).not.toBe(second[1]);
    expect(first[2]).not.toBe(second[2]);
    // Without the reseed both would repeat the snapshot's state: the check above proves something.
    const frozen = async () => {
      const py = await loadPyodide({ _loadSnapshot: snapshot });
      return py.runPython('import random; random.random()');
    };
    expect(await frozen()).toBe(await frozen());
  });

  it('refuses a snapshot that holds other modules than the course’s', async () => {
    const bare = await loadPyodide({ _makeSnapshot: true });
    const py = await loadPyodide({ _loadSnapshot: bare.makeMemorySnapshot() });
    expect(() => afterRestore(py)).toThrow(SnapshotMismatchError);
  });

  it('rejects a corrupt snapshot (so the worker falls back to a normal start)', async () => {
    const corrupt = snapshot.slice();
    corrupt.fill(7, 0, 64);
    await expect(loadPyodide({ _loadSnapshot: corrupt })).rejects.toThrow(/magic number/);
  });

  it('keys a snapshot by Pyodide’s version, the stdlib zip and the bundled sources', async () => {
    const key = await snapshotKey('314.0.7', 'fe1e2432877f64cb');
    expect(key).toMatch(/^314\.0\.7-fe1e2432877f64cb-[0-9a-f]{16}$/);
    expect(await snapshotKey('314.0.7', 'fe1e2432877f64cb')).toBe(key);
    expect(await snapshotKey('314.0.8', 'fe1e2432877f64cb')).not.toBe(key);
    expect(await snapshotKey('314.0.7', '0000000000000000')).not.toBe(key);
    expect(AFTER_RESTORE_CODE).toContain('random.seed()');
  });
});
