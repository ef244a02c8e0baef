/// <reference lib="webworker" />
// The service worker: the site offline after the first visit. Bundled on its own by
// scripts/serviceWorker.ts (after the pages are prerendered), which injects the precache
// list and the offline groups. What it does:
// - precaches the shell, every lesson page and chunk (not Python, not the editor);
// - keeps Python (/pyodide/…) and the editor (Monaco's files) cache-first: the whole group
//   is downloaded when the page first asks for one of its files;
// - gives every response the site's headers when the host sent none (COOP/COEP for
//   cross-origin isolation on hosts such as GitHub Pages), and keeps the host's otherwise;
// - waits, once installed over an older version, until the learner chooses to reload.
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import type { OfflineBuild, OfflineGroup, OfflineGroupId, OfflineStatusReport, ToServiceWorker } from './protocol';

declare const self: ServiceWorkerGlobalScope;
declare const __PRECACHE_MANIFEST__: { url: string; revision: string | null }[];
declare const __OFFLINE_BUILD__: OfflineBuild;

const build = __OFFLINE_BUILD__;

/** Statuses whose responses have no body (a Response with one cannot be built). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * The response with each of the site's headers it lacks. A host that sends them (nginx,
 * Netlify, `vite preview`) keeps its own; on one that cannot (GitHub Pages) this is what
 * makes the page cross-origin isolated and puts it under the Content-Security-Policy.
 */
function withSiteHeaders(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const missing = Object.entries(build.siteHeaders).filter(([name]) => !response.headers.has(name));
  if (missing.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of missing) headers.set(name, value);
  return new Response(NULL_BODY.has(response.status) ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

const siteHeaders: WorkboxPlugin = {
  handlerWillRespond: async ({ response }) => withSiteHeaders(response),
};

// The shell and the lessons: served from the precache, the pages by their clean URLs
// (`/lessons/jwt-auth` is lessons/jwt-auth.html, `/` is index.html).
addPlugins([siteHeaders]);
precacheAndRoute(__PRECACHE_MANIFEST__, { cleanURLs: true, directoryIndex: 'index.html' });
cleanupOutdatedCaches();

/** The key a group's file is kept under: its path and revision, so a new build's file never hides behind an old one. */
function groupKey(group: OfflineGroup, url: URL): string {
  const file = group.files.find((entry) => entry.path === url.pathname);
  return file ? `${url.origin}${file.path}?revision=${file.revision}` : `${url.origin}${url.pathname}`;
}

const groupOf = (id: OfflineGroupId) => build.groups.find((group) => group.id === id);

function inGroup(group: OfflineGroup, url: URL): boolean {
  // Python: anything under /pyodide/ (a versioned folder, its lock file, packages), listed or not.
  if (group.id === 'python') return url.pathname.startsWith('/pyodide/');
  return group.files.some((file) => file.path === url.pathname);
}

/** Files being downloaded into a group's cache, by key: a second request waits for the first. */
const downloading = new Map<string, Promise<void>>();

/**
 * Fetches a group's file for the page and stores a copy as it streams in. The download is
 * known (`downloading`) from the first moment, so a second request for it waits instead of
 * downloading it again.
 */
function download(group: OfflineGroup, url: URL, key: string): Promise<Response> {
  const fetched = fetch(url.href, { cache: 'no-cache' });
  const stored = fetched
    .then(async (response) => {
      if (!response.ok) throw new Error(`${url.pathname}: ${response.status} ${response.statusText}`);
      const copy = response.clone();
      await (await caches.open(group.cacheName)).put(key, copy);
    })
    .finally(() => downloading.delete(key));
  stored.catch(() => undefined);
  downloading.set(key, stored);
  return fetched;
}

/**
 * A group's file, cache first. The first file of a group the page asks for starts the
 * download of the rest (see the routes): the editor's worker, or a part of Python the first
 * run did not need, is then there offline too.
 */
async function fromGroup(group: OfflineGroup, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const key = groupKey(group, url);
  const cache = await caches.open(group.cacheName);
  const cached = await cache.match(key);
  if (cached) return cached;
  const pending = downloading.get(key);
  if (pending) {
    await pending.catch(() => undefined);
    const stored = await cache.match(key);
    if (stored) return stored;
  }
  return download(group, url, key);
}

const completing = new Map<OfflineGroupId, Promise<void>>();
/** Groups this worker has seen whole in their caches. */
const complete = new Set<OfflineGroupId>();

/** Downloads whatever part of a group its cache lacks (one run at a time per group), then tells the pages. */
function completeGroup(group: OfflineGroup): Promise<void> {
  let running = completing.get(group.id);
  if (!running) {
    running = (async () => {
      const cache = await caches.open(group.cacheName);
      for (const file of group.files) {
        const url = new URL(file.path, self.location.origin);
        const key = groupKey(group, url);
        await downloading.get(key);
        if (await cache.match(key)) continue;
        download(group, url, key).catch(() => undefined);
        await downloading.get(key);
      }
      complete.add(group.id);
    })().finally(() => completing.delete(group.id));
    completing.set(group.id, running);
    void running.then(broadcastStatus, () => undefined);
  }
  return running;
}

for (const group of build.groups) {
  registerRoute(
    ({ url, sameOrigin }) => sameOrigin && inGroup(group, url),
    async ({ request, event }) => {
      const response = await fromGroup(group, request);
      // First use of the group: the rest of it follows, so that all of it works offline.
      if (!complete.has(group.id)) event.waitUntil(completeGroup(group).catch(() => undefined));
      return withSiteHeaders(response);
    },
  );
}

// Everything else from the site goes to the network as usual, with the site's headers added.
registerRoute(({ sameOrigin }) => sameOrigin, new NetworkOnly({ plugins: [siteHeaders] }));

// Offline, a page that is not precached (a mistyped address) gets the 404 page rather than the browser's error.
setCatchHandler(async ({ request }) => {
  if (request.mode === 'navigate') {
    const notFound = await matchPrecache('404.html');
    if (notFound) return withSiteHeaders(notFound);
  }
  return Response.error();
});

// The first version takes over the open pages at once (nothing else serves them, so nothing is
// half-applied), and Python and the editor are then kept as they are first used. A later version
// waits, installed, until the learner chooses "Reload" (SKIP_WAITING below): never skipWaiting on
// its own, so a page never mixes files of two builds.
clientsClaim();

async function isSaved(group: OfflineGroup): Promise<boolean> {
  const cache = await caches.open(group.cacheName);
  for (const file of group.files) {
    if (!(await cache.match(groupKey(group, new URL(file.path, self.location.origin))))) return false;
  }
  return true;
}

async function statusReport(): Promise<OfflineStatusReport> {
  return {
    shellBytes: build.shellBytes,
    groups: await Promise.all(
      build.groups.map(async (group) => ({
        id: group.id,
        bytes: group.files.reduce((sum, file) => sum + file.bytes, 0),
        saved: await isSaved(group),
      })),
    ),
  };
}

/** Sends the current report to every open page of the site. */
async function broadcastStatus(): Promise<void> {
  const report = await statusReport();
  for (const client of await self.clients.matchAll({ type: 'window' }))
    client.postMessage({ type: 'OFFLINE_STATUS', report });
}

/** Drops what an older build kept in a group's cache: any file this build does not list under that key. */
async function pruneGroups(): Promise<void> {
  for (const group of build.groups) {
    const cache = await caches.open(group.cacheName);
    const wanted = new Set(group.files.map((file) => groupKey(group, new URL(file.path, self.location.origin))));
    for (const request of await cache.keys()) {
      if (!wanted.has(request.url)) await cache.delete(request);
    }
  }
}

self.addEventListener('activate', (event) => event.waitUntil(pruneGroups()));

async function answer(message: ToServiceWorker): Promise<OfflineStatusReport | undefined> {
  switch (message.type) {
    case 'SKIP_WAITING':
      await self.skipWaiting();
      return undefined;
    case 'OFFLINE_STATUS':
      return statusReport();
    case 'SAVE_GROUPS':
      for (const id of message.groups) {
        const group = groupOf(id);
        if (group) await completeGroup(group);
      }
      return statusReport();
    case 'SAVE_USED': {
      const paths = new Set(message.urls.map((url) => new URL(url, self.location.origin)).map((url) => url.pathname));
      for (const group of build.groups) {
        const used = group.triggers.some((path) => paths.has(path)) || group.files.some((file) => paths.has(file.path));
        if (used) await completeGroup(group);
      }
      return statusReport();
    }
  }
}

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = event.data as ToServiceWorker;
  const port = event.ports[0];
  event.waitUntil(
    answer(message).then(
      (report) => port?.postMessage({ report }),
      (error: unknown) => port?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
    ),
  );
});
