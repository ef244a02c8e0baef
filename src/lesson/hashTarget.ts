/** The learner's own scrolling (wheel, touch, keys): any of it ends a correction the page is making. */
export const LEARNER_SCROLLING = ['wheel', 'touchstart', 'keydown'] as const;

/** How many times a jump is corrected before the page gives up (layout that never settles). */
const MAX_CORRECTIONS = 5;

/**
 * Lands an in-page jump (the contents, a heading's # link) exactly on its target. Embeds
 * wake as the page scrolls past them, and some grow when they do (the inspector shows its
 * verdict, an editor replaces its plain text box), so a jump aimed at a heading
 * can stop short of it. When the scroll ends away from the target, it scrolls there again;
 * the learner's own scrolling (wheel, touch, keys) ends this at once. Returns the function
 * that stops it.
 */
export function keepJumpsOnTarget(root: HTMLElement): () => void {
  let target: HTMLElement | null = null;
  let corrections = 0;
  const onClick = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
    if (!link) return;
    target = elementForHash(link.hash);
    corrections = 0;
  };
  const onScrollEnd = () => {
    if (!target) return;
    const offset =
      target.getBoundingClientRect().top - (Number.parseFloat(getComputedStyle(target).scrollMarginTop) || 0);
    // At the very bottom a short last section can never reach the top: that is "there".
    const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    if (Math.abs(offset) <= 2 || (atBottom && offset > 0) || corrections >= MAX_CORRECTIONS) {
      target = null;
      return;
    }
    corrections++;
    target.scrollIntoView();
  };
  const stop = () => {
    target = null;
  };
  root.addEventListener('click', onClick);
  window.addEventListener('scrollend', onScrollEnd);
  for (const type of LEARNER_SCROLLING) window.addEventListener(type, stop, { passive: true });
  return () => {
    root.removeEventListener('click', onClick);
    window.removeEventListener('scrollend', onScrollEnd);
    for (const type of LEARNER_SCROLLING) window.removeEventListener(type, stop);
  };
}

/** The element a `#id` names; none for an unknown or malformed id. */
export function elementForHash(hash: string): HTMLElement | null {
  if (hash.length < 2) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null;
  }
}

/** Scrolls at once to the element a `#id` names; an unknown or malformed id leaves the page where it is. */
export function scrollToHash(hash: string): void {
  elementForHash(hash)?.scrollIntoView({ behavior: 'instant' });
}

/** Where a jump puts the top of `target`: below the sticky header (the page's scroll padding) and its own margin. */
export function jumpLandingTop(target: Element): number {
  const padding = Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  return padding + (Number.parseFloat(getComputedStyle(target).scrollMarginTop) || 0);
}
