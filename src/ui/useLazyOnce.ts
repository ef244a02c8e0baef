import { useRef, useState } from 'react';
import { loadOnce } from '../lib/loadOnce';

/**
 * Something a component fetches on demand, once: `[value, load]`, where `load()` starts the
 * fetch (or joins the one under way) and the component re-renders with `value` when it
 * arrives. A failed fetch is forgotten, so the next `load()` tries again.
 *
 * @example const [details, loadDetails] = useLazyOnce(() => import('./details'));
 */
export function useLazyOnce<T>(load: () => Promise<T>): [T | undefined, () => Promise<T>] {
  const [value, setValue] = useState<T>();
  const loader = useRef<() => Promise<T>>(undefined);
  loader.current ??= loadOnce(() =>
    load().then((loaded) => {
      setValue(() => loaded);
      return loaded;
    }),
  );
  return [value, loader.current];
}
