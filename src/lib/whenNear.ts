/**
 * Calls `action` once, the first time `element` comes within `marginPx` of the viewport:
 * for fetching or waking what a part of the page needs while the learner reads towards
 * it. Returns a function that cancels the watch. Does nothing where IntersectionObserver
 * is missing (jsdom).
 */
export function whenNear(element: Element, action: () => void, marginPx: number): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      action();
    },
    { rootMargin: `${marginPx}px 0px` },
  );
  observer.observe(element);
  return () => observer.disconnect();
}
