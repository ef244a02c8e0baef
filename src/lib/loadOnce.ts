/**
 * Wraps a loader so that it runs once and every caller shares its promise; a failed load
 * is forgotten, so the next call tries again (a flaky network must not break the page
 * for good).
 *
 * @example
 * const preloadEditor = loadOnce(() => import('./monaco'));
 * await preloadEditor(); // imports
 * await preloadEditor(); // the same promise
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/**
 * `loadOnce` for each key: one shared load per key, a failed one forgotten.
 *
 * @example
 * const loadChapter = loadOnceBy((id: string) => import(`./chapters/${id}.ts`));
 */
export function loadOnceBy<K, T>(load: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const loaders = new Map<K, () => Promise<T>>();
  return (key) => {
    let loader = loaders.get(key);
    if (!loader) {
      loader = loadOnce(() => load(key));
      loaders.set(key, loader);
    }
    return loader();
  };
}
