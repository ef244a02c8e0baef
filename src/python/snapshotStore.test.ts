import { describe, expect, it } from 'vitest';
import { openSnapshotStore, SNAPSHOT_CACHE_PREFIX } from './snapshotStore';

/** Cache Storage in memory: the part the store uses. */
class FakeCacheStorage {
  readonly caches = new Map<string, Map<string, Response>>();
  async has(name: string) {
    return this.caches.has(name);
  }
  async keys() {
    return [...this.caches.keys()];
  }
  async delete(name: string) {
    return this.caches.delete(name);
  }
  async open(name: string) {
    const entries = this.caches.get(name) ?? new Map<string, Response>();
    this.caches.set(name, entries);
    return {
      match: async (url: string) => entries.get(url)?.clone(),
      put: async (url: string, response: Response) => void entries.set(url, response),
    };
  }
}

const open = (key: string, storage: FakeCacheStorage) =>
  openSnapshotStore(key, storage as unknown as CacheStorage) as Promise<
    NonNullable<Awaited<ReturnType<typeof openSnapshotStore>>>
  >;

describe('the snapshot store (Cache Storage)', () => {
  it('keeps a snapshot under its key, and keeping one deletes the stale ones', async () => {
    const storage = new FakeCacheStorage();
    await (await open('old', storage)).save(new Uint8Array([1]));
    const store = await open('new', storage);
    expect(await store.load()).toBeUndefined();
    await store.save(new Uint8Array([1, 2, 3]));
    expect(await store.load()).toEqual(new Uint8Array([1, 2, 3]));
    expect(await storage.keys()).toEqual([`${SNAPSHOT_CACHE_PREFIX}new`]);
    await store.discard();
    expect(await store.load()).toBeUndefined();
  });

  it('treats a snapshot cut short as none, and deletes it', async () => {
    const storage = new FakeCacheStorage();
    const cache = await storage.open(`${SNAPSHOT_CACHE_PREFIX}k`);
    await cache.put('/__python-snapshot', new Response(new Uint8Array(10), { headers: { 'X-Snapshot-Bytes': '31' } }));
    expect(await (await open('k', storage)).load()).toBeUndefined();
    expect(await storage.keys()).toEqual([]);
  });

  it('is absent where Cache Storage is missing or blocked', async () => {
    expect(await openSnapshotStore('k', undefined)).toBeUndefined();
    const blocked = {
      has: () => Promise.reject(new DOMException('blocked', 'SecurityError')),
    } as unknown as CacheStorage;
    expect(await openSnapshotStore('k', blocked)).toBeUndefined();
  });
});
