// Node only (vite.config.ts and the hosting configs): which Pyodide files the site serves,
// from which folder, and what the learner's first Run downloads.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { storeZipEntries } from './storedZip.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pyodideDir = path.join(root, 'node_modules/pyodide');

/** The installed Pyodide's version, e.g. "314.0.7": never written by hand anywhere else. */
export const PYODIDE_VERSION: string = JSON.parse(readFileSync(path.join(pyodideDir, 'package.json'), 'utf8')).version;

/**
 * Where the site serves Pyodide: a folder named after its version, so its files never
 * change under one URL and can be cached for a year without revalidation.
 */
export const PYODIDE_FOLDER = `/pyodide/${PYODIDE_VERSION}/`;

/** The files the site copies; only the two big ones are downloaded before the first output is possible. */
export const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

/** What the first Run downloads, per file: its bytes and its brotli size (what a host that compresses sends). */
export interface PythonDownloadFile {
  name: string;
  bytes: number;
  brotliBytes: number;
}

export interface PreparedPyodide {
  /** Where each file is copied from: the stdlib zip is the repacked one. */
  sources: Record<string, string>;
  /** The two big files, as the page sees them. */
  download: PythonDownloadFile[];
  /** SHA-256 (hex, 16 digits) of the stdlib zip served: a memory snapshot holds offsets into it. */
  stdlibDigest: string;
}

const cacheDir = path.join(root, 'node_modules/.cache/pyodide-files', PYODIDE_VERSION);

function writeAtomically(file: string, data: string | Buffer) {
  writeFileSync(`${file}.tmp`, data);
  renameSync(`${file}.tmp`, file);
}

/**
 * Repacks the stdlib zip with stored entries and measures the download, once per Pyodide
 * version (cached under node_modules/.cache: brotli over 19 MB takes a few seconds).
 * The brotli quality is the build's for large files (scripts/build.ts), so `brotliBytes`
 * is the size of the `.br` file the build writes beside each.
 */
export function preparePyodideFiles(): PreparedPyodide {
  mkdirSync(cacheDir, { recursive: true });
  const zipFile = path.join(cacheDir, 'python_stdlib.zip');
  const sizesFile = path.join(cacheDir, 'download.json');
  const source = readFileSync(path.join(pyodideDir, 'python_stdlib.zip'));
  const sourceDigest = createHash('sha256').update(source).digest('hex');
  let cached: (PreparedPyodide & { sourceDigest: string }) | undefined;
  if (existsSync(zipFile) && existsSync(sizesFile)) {
    cached = JSON.parse(readFileSync(sizesFile, 'utf8'));
    if (cached?.sourceDigest !== sourceDigest) cached = undefined;
  }
  if (!cached) {
    const stored = storeZipEntries(source);
    writeAtomically(zipFile, stored);
    const download = [
      { name: 'pyodide.asm.wasm', data: readFileSync(path.join(pyodideDir, 'pyodide.asm.wasm')) },
      { name: 'python_stdlib.zip', data: stored },
    ].map(({ name, data }) => ({
      name,
      bytes: data.length,
      brotliBytes: brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }).length,
    }));
    const stdlibDigest = createHash('sha256').update(stored).digest('hex').slice(0, 16);
    cached = { sources: {}, download, stdlibDigest, sourceDigest };
    writeAtomically(sizesFile, JSON.stringify(cached));
  }
  const sources = Object.fromEntries(
    PYODIDE_FILES.map((file) => [file, file === 'python_stdlib.zip' ? zipFile : path.join(pyodideDir, file)]),
  );
  return { sources, download: cached.download, stdlibDigest: cached.stdlibDigest };
}
