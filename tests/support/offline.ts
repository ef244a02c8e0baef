import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { isInsideFolder } from '../../src/lib/insideFolder.ts';
import { launchChromium } from './browser.ts';
import { type LearnerPage, openLearnerPage } from './learnerPage.ts';

export const dist = path.resolve('dist');

/** `vite preview` (every header a host sends) on a free port, serving `outDir` (dist/ or a copy of it). */
export async function startPreviewOf(outDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
  });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('The preview server did not report its address');
  return { url: address.replace(/\/$/, ''), close: () => server.close() };
}

/** A copy of dist/ in a temp folder, to change as a new build would; removed by `remove`. */
export function copyOfDist(): { folder: string; remove: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'dist-copy-'));
  cpSync(dist, folder, { recursive: true });
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * Changes a file of a built site as a new build would: the file, and its revision in the
 * service worker's precache list (Workbox's revision is the MD5 of the content), so the
 * browser finds a new /sw.js.
 */
export function changeBuiltFile(folder: string, file: string, change: (text: string) => string): void {
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  const before = readFileSync(path.join(folder, file), 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the change left ${file} as it was`);
  const swFile = path.join(folder, 'sw.js');
  const sw = readFileSync(swFile, 'utf8');
  // The entry as the bundler prints it: {url:`lessons/x.html`,revision:`<md5>`} (any quotes).
  const entry = new RegExp(
    `(url:\\s*["'\`]${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'\`],\\s*revision:\\s*["'\`])${md5(before)}`,
  );
  if (!entry.test(sw)) throw new Error(`sw.js does not list ${file} with its revision`);
  writeFileSync(path.join(folder, file), after);
  writeFileSync(swFile, sw.replace(entry, `$1${md5(after)}`));
  for (const compressed of ['.br', '.gz']) rmSync(path.join(folder, file + compressed), { force: true });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A static server that sends no headers of its own (only Content-Type), the way GitHub Pages
 * would for this site: `/lessons/<id>` is lessons/<id>.html, a missing file is 404.html.
 */
export async function startPlainStaticServer(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const fileAt = (pathname: string): string | undefined => {
    const candidates = pathname.endsWith('/') ? [`${pathname}index.html`] : [pathname, `${pathname}.html`];
    for (const candidate of candidates) {
      const file = path.join(root, candidate);
      try {
        if (isInsideFolder(root, file) && statSync(file).isFile()) return file;
      } catch {
        // not there: try the next
      }
    }
    return undefined;
  };
  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      pathname = '/404';
    }
    const file = fileAt(pathname);
    const served = file ?? path.join(root, '404.html');
    response.writeHead(file ? 200 : 404, { 'Content-Type': TYPES[path.extname(served)] ?? 'application/octet-stream' });
    response.end(readFileSync(served));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The files of dist/ under `folder` (not the precompressed copies), in bytes. */
export function bytesUnder(folder: string): number {
  return readdirSync(path.join(dist, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

/** Evaluates in the page, answering undefined while it navigates (a reload destroys the context). */
export async function evaluateAcrossReloads<T>(page: Page, read: () => T): Promise<T | undefined> {
  try {
    return await page.evaluate(read);
  } catch {
    return undefined;
  }
}

/** Waits until the service worker serves the page and the page shows what it keeps. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await page.locator('.offline-note').waitFor({ timeout: 60_000 });
}

type Served = { url: string; close: () => Promise<void> };

/**
 * The hooks of a test file whose every test serves its own site (a copy of dist/, or
 * dist/ by another server): one Chromium for the file; after each test, the learner's page
 * closed and checked for console errors and requests to other origins, the server closed
 * and the copy removed.
 */
export function servedSiteSession() {
  let browser: Browser | undefined;
  let server: Served | undefined;
  let copy: { remove: () => void } | undefined;
  let learner: LearnerPage | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  afterEach(async () => {
    const opened = learner;
    learner = undefined;
    if (!opened) return;
    await opened.close();
    await server?.close();
    server = undefined;
    copy?.remove();
    copy = undefined;
    // Nothing failed to load, online or off, and nothing came from another origin.
    expect(opened.errors, 'console errors').toEqual([]);
    expect(opened.foreignRequests, 'requests to other origins').toEqual([]);
  });
  return {
    /** Keeps `site` (a copy of dist/) until the test ends. */
    keep<Site extends { remove: () => void }>(site: Site): Site {
      copy = site;
      return site;
    },
    /** Keeps `started` serving until the test ends (or `stopServer`). */
    async serve(started: Promise<Served>): Promise<Served> {
      server = await started;
      return server;
    },
    /** Stops the server now: the network is gone. */
    async stopServer(): Promise<void> {
      await server?.close();
      server = undefined;
    },
    /** A fresh browser context (empty storage, no service worker yet) on the site at `url`. */
    async open(url: string): Promise<LearnerPage> {
      if (!browser) throw new Error('servedSiteSession: the browser is not started');
      learner = await openLearnerPage(browser, url);
      return learner;
    },
  };
}
