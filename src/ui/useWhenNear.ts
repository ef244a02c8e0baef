import { type RefObject, useEffect, useRef } from 'react';
import { whenNear } from '../lib/whenNear';

/**
 * Calls `action` once, the first time `element` comes within `marginPx` of the
 * viewport (see lib/whenNear): the hook form, for a component's own element.
 */
export function useWhenNear(element: RefObject<HTMLElement | null>, action: () => void, marginPx: number): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    return whenNear(target, () => latest.current(), marginPx);
  }, [element, marginPx]);
}
