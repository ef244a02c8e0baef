import { type RefObject, useEffect, useRef } from 'react';

/**
 * Calls `action` once, the first time `element` comes within `marginPx` of the
 * viewport: for fetching what a part of the page needs while the learner reads
 * towards it. Does nothing where IntersectionObserver is missing (jsdom).
 */
export function useWhenNear(element: RefObject<HTMLElement | null>, action: () => void, marginPx: number): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    const target = element.current;
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        latest.current();
      },
      { rootMargin: `${marginPx}px 0px` },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, marginPx]);
}
