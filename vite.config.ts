import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { defineConfig } from 'vitest/config';
import { THEME_BOOT_SCRIPT } from './src/app/theme.ts';
import { hostHeaders, missingFilesAre404, stripSourceMapComment } from './src/hosting/staticFiles.ts';
import { lessonsPlugin } from './src/lesson/build/index.ts';
import { PYODIDE_FILES, PYODIDE_FOLDER, preparePyodideFiles } from './src/python/build/pyodideFiles.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The npm packages the Python worker's own modules import (the dev server does not crawl workers). */
function workerPackageImports(): string[] {
  const files = ['src/python/worker.ts', 'src/python/standins/hashing.ts'];
  const imports = files.flatMap((file) =>
    [...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/from '(@[^'./][^']*|[^'./][^']*)'/g)].map(
      (match) => match[1] ?? '',
    ),
  );
  return [...new Set(imports)].filter((name) => name !== 'pyodide');
}

// The stdlib zip is repacked with its entries stored, so the host's brotli compresses it (see storedZip.ts).
const pyodide = preparePyodideFiles();
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Sets the theme before the first paint (see src/app/theme.ts). */
const themeBootPlugin: Plugin = {
  name: 'theme-boot',
  transformIndexHtml: () => [{ tag: 'script', children: THEME_BOOT_SCRIPT, injectTo: 'head-prepend' }],
};

export default defineConfig({
  plugins: [
    react(),
    themeBootPlugin,
    lessonsPlugin({ lessonsDir: `${root}lessons`, rootDir: root }),
    // Pyodide's five files, served from our own origin under /pyodide/<version>/ (dev and build):
    // a new version is a new folder, so the files can be cached as immutable.
    // Its loader's source-map comment names a .map we do not ship: strip it rather than
    // ship 85 KB that only helps debug Pyodide itself.
    viteStaticCopy({
      targets: PYODIDE_FILES.map((file) => ({
        src: pyodide.sources[file] as string,
        dest: PYODIDE_FOLDER.slice(1, -1),
        ...(file.endsWith('.mjs') ? { transform: stripSourceMapComment } : {}),
      })),
    }),
    hostHeaders(),
    missingFilesAre404(),
  ],
  define: {
    // What the page says the first Run downloads: the files' brotli sizes, what a host that
    // compresses sends (the build writes these .br files), never hard-coded.
    __PYTHON_DOWNLOAD__: JSON.stringify(pyodide.download),
    __PYTHON_DOWNLOAD_BYTES__: JSON.stringify(pyodide.download.reduce((sum, file) => sum + file.brotliBytes, 0)),
    __PYODIDE_FOLDER__: JSON.stringify(PYODIDE_FOLDER),
    // A memory snapshot of Python holds offsets into the stdlib zip: a new zip needs a new snapshot.
    __PYTHON_STDLIB_DIGEST__: JSON.stringify(pyodide.stdlibDigest),
  },
  optimizeDeps: {
    exclude: ['pyodide'],
    // The Python worker's imports are not crawled at start: found later, they would make the dev
    // server re-bundle and reload the page in the middle of a learner's first Run.
    include: workerPackageImports(),
  },
  worker: { format: 'es' },
  build: {
    manifest: true,
    target: 'es2022',
  },
  // Cross-origin isolation gives the Python worker a SharedArrayBuffer to interrupt
  // runaway code with. The dev server sends only these two (its own inline scripts would
  // break the Content-Security-Policy); `vite preview` sends every header a host sends
  // (the hostHeaders plugin, src/hosting/headers.ts).
  server: { port: 5173, strictPort: true, headers: ISOLATION_HEADERS },
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'lessons/**/*.test.ts', 'tests/content/**/*.test.ts'],
          // The course is compiled once, here, for every content test file (7-9 s on a busy machine).
          globalSetup: ['tests/content/global-setup.ts'],
          // Hooks start Pyodide in Node: CPU-bound, and slow on a busy 2-core machine.
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['tests/setup-dom.ts'],
          // A whole quiz clicked through in jsdom takes seconds on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          // Python's start, Monaco's load and a Check are CPU-bound: on a busy 2-core machine one
          // test can take minutes (a Check alone waits up to 90 s for its result).
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
