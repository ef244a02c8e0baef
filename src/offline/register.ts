// Registers the service worker (src/offline/sw.ts, built to /sw.js) and follows it: the
// offline report, a new version waiting for the learner, and cross-origin isolation on
// hosts that cannot send headers.
import type { OfflineGroupId, OfflineStatusReport, ToServiceWorker } from './protocol';
import { offlineState } from './state';

/** Set for the tab's session when the page reloaded once to become cross-origin isolated. */
const ISOLATION_RELOAD_KEY = 'flask-course:isolation-reload';
/** How often at most a tab that comes back into view asks the server for a new version. */
const UPDATE_CHECK_INTERVAL_MS = 10 * 60 * 1000;

let registration: ServiceWorkerRegistration | undefined;
let moving = false;

/**
 * Starts offline use in a production build: registers /sw.js and keeps the offline
 * report and the update announcement of `<OfflineStatus/>` current. Call once, after the
 * app has started; does nothing in the dev server or a browser without service workers.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Served by the worker but not isolated (it could not add COOP/COEP): decided at once, before any work.
  if (crossOriginIsolated) forgetIsolationReload();
  else if (navigator.serviceWorker.controller && reloadOnceForIsolation()) return;
  const container = navigator.serviceWorker;
  let controlled = container.controller !== null;
  // Listened to from the start: another tab may move to a new version before this one registers.
  container.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: string; report?: OfflineStatusReport } | undefined;
    if (data?.type === 'OFFLINE_STATUS' && data.report) offlineState.set({ report: data.report });
  });
  container.addEventListener('controllerchange', () => {
    if (controlled) {
      // A new version took over (this tab's Reload or another tab's): every tab moves to it at once.
      reloadOnce();
      return;
    }
    // The first version took over this page.
    controlled = true;
    if (reloadOnceForIsolation()) return;
    void saveWhatThePageUsed();
  });
  // The first visit's precaching (1-2 MB) waits until the page has loaded and is idle: it must
  // not compete with the lesson's first paint and hydration for the network or the CPU.
  whenIdleAfterLoad(() =>
    register(() => controlled).catch((error: unknown) => {
      // Offline use is an extra: a browser that refuses it (private mode, blocked storage) still has the page.
      console.warn('Offline use is not available:', error);
    }),
  );
}

function whenIdleAfterLoad(run: () => void): void {
  const idle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(() => run(), { timeout: 3000 }) : setTimeout(run, 0);
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

async function register(isControlled: () => boolean): Promise<void> {
  const base = import.meta.env.BASE_URL;
  registration = await navigator.serviceWorker.register(`${base}sw.js`, { scope: base, updateViaCache: 'none' });
  // A page loaded past the worker (Shift+Reload) on a host that sends no COOP/COEP.
  if (!isControlled() && registration.active && reloadOnceForIsolation()) return;
  watchForNewVersion(registration);
  if (isControlled()) void refreshReport();

  let lastCheck = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
    lastCheck = Date.now();
    registration?.update().catch(() => undefined);
  });
}

/** Announces a version that finished installing while an older one serves the page; it then waits. */
function watchForNewVersion(current: ServiceWorkerRegistration): void {
  const announceWhenInstalled = (worker: ServiceWorker | null) => {
    if (!worker) return;
    const check = () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offlineState.set({ updateReady: true });
    };
    check();
    worker.addEventListener('statechange', check);
  };
  announceWhenInstalled(current.waiting);
  current.addEventListener('updatefound', () => announceWhenInstalled(current.installing));
}

/**
 * The learner chose "Reload": the waiting version takes over, and every open tab of the
 * site reloads onto it (see 'controllerchange'). Progress in localStorage is not touched.
 */
export function moveToNewVersion(): void {
  const waiting = registration?.waiting;
  if (!waiting) {
    reloadOnce();
    return;
  }
  const message: ToServiceWorker = { type: 'SKIP_WAITING' };
  waiting.postMessage(message);
}

/** Saves Python and the editor for offline use now, rather than on first use. */
export async function saveForOffline(groups: OfflineGroupId[]): Promise<void> {
  offlineState.set({ saving: true, saveError: undefined });
  try {
    offlineState.set({ report: await ask({ type: 'SAVE_GROUPS', groups }) });
  } catch (error) {
    offlineState.set({ saveError: error instanceof Error ? error.message : String(error) });
  } finally {
    offlineState.set({ saving: false });
  }
}

async function refreshReport(): Promise<void> {
  try {
    offlineState.set({ report: await ask({ type: 'OFFLINE_STATUS' }) });
  } catch (error) {
    console.warn('The offline report is not available:', error);
  }
}

/**
 * What the page loaded before the worker served it (the learner ran code or opened an
 * exercise in the first seconds of a first visit) is not in the worker's caches: it
 * fetches those groups now, so the page works offline as the note says.
 */
async function saveWhatThePageUsed(): Promise<void> {
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(location.origin));
  try {
    offlineState.set({ report: await ask({ type: 'SAVE_USED', urls }) });
  } catch (error) {
    console.warn('Could not save for offline use:', error);
    await refreshReport();
  }
}

/** Posts a message to the active worker and resolves with its report. */
async function ask(message: ToServiceWorker): Promise<OfflineStatusReport> {
  const worker = registration?.active ?? navigator.serviceWorker.controller;
  if (!worker) throw new Error('No service worker is active.');
  const channel = new MessageChannel();
  const reply = new Promise<OfflineStatusReport>((resolve, reject) => {
    channel.port1.onmessage = (event: MessageEvent<{ report?: OfflineStatusReport; error?: string }>) => {
      if (event.data.report) resolve(event.data.report);
      else reject(new Error(event.data.error ?? 'The service worker did not answer.'));
    };
  });
  worker.postMessage(message, [channel.port2]);
  return reply;
}

function reloadOnce(): void {
  if (moving) return;
  moving = true;
  location.reload();
}

/**
 * On a host that sends no COOP/COEP (GitHub Pages) the page is not cross-origin isolated
 * until the service worker serves it with those headers: reload once for that. The mark in
 * sessionStorage stops a loop where isolation cannot happen (a browser that ignores headers
 * from a service worker, storage blocked): the page then runs without isolation, as it can.
 */
function reloadOnceForIsolation(): boolean {
  if (crossOriginIsolated || !window.isSecureContext) return false;
  try {
    if (sessionStorage.getItem(ISOLATION_RELOAD_KEY) !== null) return false;
    sessionStorage.setItem(ISOLATION_RELOAD_KEY, String(Date.now()));
  } catch {
    return false;
  }
  reloadOnce();
  return true;
}

function forgetIsolationReload(): void {
  try {
    sessionStorage.removeItem(ISOLATION_RELOAD_KEY);
  } catch {
    // Storage blocked: there is no mark to forget.
  }
}
