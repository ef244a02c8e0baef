// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { loadPyodide } from 'pyodide';
import { describe, expect, it } from 'vitest';
import { preparePyodideFiles } from './pyodideFiles';
import { StoredZipError, storeZipEntries } from './storedZip';

const original = readFileSync(
  fileURLToPath(new URL('../../../node_modules/pyodide/python_stdlib.zip', import.meta.url)),
);

/** Every entry's name, method and data, read from the local headers in order. */
function entries(zip: Buffer) {
  const found: { name: string; method: number; data: Buffer }[] = [];
  for (let offset = 0; zip.readUInt32LE(offset) === 0x04034b50; ) {
    const method = zip.readUInt16LE(offset + 8);
    const size = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const start = offset + 30 + nameLength + zip.readUInt16LE(offset + 28);
    const name = zip.subarray(offset + 30, offset + 30 + nameLength).toString();
    const raw = zip.subarray(start, start + size);
    found.push({ name, method, data: method === 8 ? inflateRawSync(raw) : raw });
    offset = start + size;
  }
  return found;
}

describe('the stdlib zip with stored entries', () => {
  it('holds the same files, in the same order, none of them deflated', () => {
    const stored = storeZipEntries(original);
    const after = entries(stored);
    expect(after.every((entry) => entry.method === 0)).toBe(true);
    expect(after.map((entry) => entry.name)).toEqual(entries(original).map((entry) => entry.name));
    expect(after.length).toBeGreaterThan(500);
    const json = after.find((entry) => entry.name === 'json/__init__.py');
    expect(json?.data.toString()).toContain('def dumps(');
  });

  it('refuses what is not a zip', () => {
    expect(() => storeZipEntries(Buffer.from('not a zip at all, not even close'))).toThrow(StoredZipError);
  });

  it('is what the build serves, and Pyodide imports the standard library from it', { timeout: 120_000 }, async () => {
    const prepared = preparePyodideFiles();
    const served = prepared.sources['python_stdlib.zip'] as string;
    expect(readFileSync(served).equals(storeZipEntries(original))).toBe(true);
    // Brotli compresses the stored archive much better than the deflated one it replaces.
    const zip = prepared.download.find((file) => file.name === 'python_stdlib.zip');
    expect(zip?.brotliBytes).toBeLessThan(original.length * 0.8);
    const py = await loadPyodide({ stdLibURL: served });
    expect(py.runPython('import email.message, json, zipimport; json.dumps({"a": [1]})')).toBe('{"a": [1]}');
  });
});
