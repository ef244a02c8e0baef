/**
 * Where the browser keeps Python's memory snapshot (about 31 MB, made after the first start):
 * Cache Storage, one cache per snapshot key, so a new Pyodide, stdlib or stand-in gives a
 * new cache and the stale ones are deleted. Every failure (storage blocked, quota full,
 * an entry cut short) reads as "no snapshot": the worker then starts Python normally.
 */

/** Caches of this module are named `python-snapshot:<key>`; nothing else uses the prefix. */
export const SNAPSHOT_CACHE_PREFIX = 'python-snapshot:';
/** The one entry of a snapshot cache (never fetched: Cache Storage needs a URL as its key). */
const ENTRY = '/__python-snapshot';
/** Its length, to tell a whole snapshot from one cut short. */
const LENGTH_HEADER = 'X-Snapshot-Bytes';

export interface SnapshotStore {
  /** The snapshot, or undefined if there is none (or it cannot be read whole). */
  load(): Promise<Uint8Array | undefined>;
  /** Keeps this snapshot and deletes every other one. */
  save(snapshot: Uint8Array): Promise<void>;
  /** Deletes this snapshot (it would not restore). */
  discard(): Promise<void>;
}

/**
 * The snapshot store for `key`, or undefined where Cache Storage is unavailable (an
 * insecure context, storage blocked by the browser's settings).
 *
 * @example
 * const store = await openSnapshotStore(await snapshotKey(version, digest));
 * const snapshot = await store?.load();
 */
export async function openSnapshotStore(
  key: string,
  storage: CacheStorage | undefined = globalThis.caches,
): Promise<SnapshotStore | undefined> {
  const name = SNAPSHOT_CACHE_PREFIX + key;
  try {
    if (!storage) return undefined;
    // Opening proves access: where storage is blocked this rejects.
    await storage.has(name);
  } catch {
    return undefined;
  }
  const deleteOthers = async () => {
    for (const other of await storage.keys()) {
      if (other.startsWith(SNAPSHOT_CACHE_PREFIX) && other !== name) await storage.delete(other);
    }
  };
  return {
    async load() {
      try {
        if (!(await storage.has(name))) return undefined;
        const response = await (await storage.open(name)).match(ENTRY);
        if (!response) return undefined;
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (bytes.length === 0 || String(bytes.length) !== response.headers.get(LENGTH_HEADER)) {
          await storage.delete(name);
          return undefined;
        }
        return bytes;
      } catch {
        return undefined;
      }
    },
    async save(snapshot) {
      // Stale snapshots go first: they would only take the room this one needs.
      await deleteOthers();
      const cache = await storage.open(name);
      await cache.put(
        ENTRY,
        new Response(snapshot as Uint8Array<ArrayBuffer>, {
          headers: { 'Content-Type': 'application/octet-stream', [LENGTH_HEADER]: String(snapshot.length) },
        }),
      );
    },
    async discard() {
      await storage.delete(name).catch(() => false);
    },
  };
}
