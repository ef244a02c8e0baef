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
