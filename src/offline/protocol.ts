// What the page and the service worker (sw.ts) say to each other, and what the build
// tells the service worker about the files it keeps. Plain data, no DOM, no Workbox.

/** The parts of the site kept for offline use beyond the precached lesson, each cached on first use. */
export const OFFLINE_GROUP_IDS = ['python', 'editor'] as const;
export type OfflineGroupId = (typeof OFFLINE_GROUP_IDS)[number];

/** One group's files, as the build found them in dist/ (paths from the site's root, e.g. `/pyodide/pyodide.mjs`). */
export interface OfflineGroup {
  id: OfflineGroupId;
  /** Cache Storage name: the group's files are kept there, keyed by path and revision. */
  cacheName: string;
  /** Every file of the group with its content hash (kept) and size in bytes (as stored: uncompressed). */
  files: { path: string; revision: string; bytes: number }[];
  /** Files whose download by the page means the group is in use (the Python worker's script, Monaco's chunk). */
  triggers: string[];
}

/** What the build injects into the service worker (see scripts/serviceWorker.ts). */
export interface OfflineBuild {
  groups: OfflineGroup[];
  /** The precached shell and lessons, in bytes (uncompressed). */
  shellBytes: number;
  /** The headers the host should send; added where a response lacks one (hosts that cannot set headers). */
  siteHeaders: Record<string, string>;
}

export interface OfflineGroupStatus {
  id: OfflineGroupId;
  bytes: number;
  /** Every file of the group is in its cache. */
  saved: boolean;
}

export interface OfflineStatusReport {
  shellBytes: number;
  groups: OfflineGroupStatus[];
}

/** Messages the page posts to the service worker. Those with a reply carry a MessagePort. */
export type ToServiceWorker =
  /** The learner chose to move to the waiting version: activate it now. */
  | { type: 'SKIP_WAITING' }
  /** Reply with an OfflineStatusReport. */
  | { type: 'OFFLINE_STATUS' }
  /** Cache these groups now (the learner asked, or the page used them before the worker controlled it); reply with a report. */
  | { type: 'SAVE_GROUPS'; groups: OfflineGroupId[] }
  /** The files the page downloaded before the worker controlled it: cache every group they show in use; reply with a report. */
  | { type: 'SAVE_USED'; urls: string[] };
