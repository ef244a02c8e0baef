// The last step of the build (scripts/build.ts): the service worker, bundled with Workbox and
// given the list of files to precache. It runs after the pages are prerendered because the
// precache must hold those pages as they were written (Vite's own build, and so
// vite-plugin-pwa, finishes before they exist: its list would miss lessons/*.html and
// 404.html and carry the revision of the unrendered index.html).
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { getManifest } from 'workbox-build';
import { SECURITY_HEADERS } from '../src/hosting/headers.ts';
import { classifyBuild, type ViteManifest } from '../src/offline/files.ts';
import type { OfflineBuild, OfflineGroup } from '../src/offline/protocol.ts';

/** Precompressed copies and files for the host, never fetched by a page. */
const NOT_FOR_PAGES = ['**/*.br', '**/*.gz', '_headers', 'sw.js', 'robots.txt'];

async function describeFiles(dist: string, paths: string[]): Promise<OfflineGroup['files']> {
  return Promise.all(
    paths.map(async (file) => {
      const data = await readFile(path.join(dist, file));
      return { path: file, revision: createHash('md5').update(data).digest('hex'), bytes: data.length };
    }),
  );
}

async function filesUnder(dist: string, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(dist, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
    .map((entry) => `/${path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`)
    .sort();
}

/**
 * Writes dist/sw.js: precaches the shell, every page and the lessons' chunks; Python (all of
 * /pyodide/) and the editor are their own groups, cached on first use. Returns the sizes kept.
 */
export async function writeServiceWorker(options: { root: string; dist: string; manifest: ViteManifest }) {
  const { root, dist, manifest } = options;
  const { editor, editorTrigger, otherWorkers } = classifyBuild(manifest);
  const groups: OfflineGroup[] = [
    {
      id: 'python',
      cacheName: 'flask-course-python',
      files: await describeFiles(dist, await filesUnder(dist, 'pyodide')),
      triggers: otherWorkers,
    },
    {
      id: 'editor',
      cacheName: 'flask-course-editor',
      files: await describeFiles(dist, editor),
      triggers: [editorTrigger],
    },
  ];

  const precache = await getManifest({
    globDirectory: dist,
    globPatterns: ['**/*'],
    globIgnores: [...NOT_FOR_PAGES, 'pyodide/**', ...editor.map((file) => file.slice(1))],
    // Vite's file names carry a content hash: the name is the revision.
    dontCacheBustURLsMatching: /^assets\//,
    maximumFileSizeToCacheInBytes: 2_000_000,
  });
  if (precache.warnings.length > 0) throw new Error(`Precache: ${precache.warnings.join('\n')}`);

  const offline: OfflineBuild = { groups, shellBytes: precache.size, siteHeaders: SECURITY_HEADERS };
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    define: {
      __PRECACHE_MANIFEST__: JSON.stringify(precache.manifestEntries),
      __OFFLINE_BUILD__: JSON.stringify(offline),
      // Workbox's logging is for development builds only.
      'process.env.NODE_ENV': JSON.stringify('production'),
    },
    build: {
      outDir: dist,
      emptyOutDir: false,
      target: 'es2022',
      lib: {
        entry: path.join(root, 'src/offline/sw.ts'),
        formats: ['iife'],
        name: 'courseServiceWorker',
        fileName: () => 'sw.js',
      },
    },
  });

  const sizes: Record<string, number> = { shell: precache.size };
  for (const group of groups) sizes[group.id] = group.files.reduce((sum, file) => sum + file.bytes, 0);
  const swBytes = (await stat(path.join(dist, 'sw.js'))).size;
  console.log(
    `service worker: sw.js (${(swBytes / 1e3).toFixed(0)} kB) precaches ${precache.count} files (${mb(precache.size)}); ` +
      groups.map((group) => `${group.id} ${mb(sizes[group.id] ?? 0)} on first use`).join(', '),
  );
  return sizes;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
