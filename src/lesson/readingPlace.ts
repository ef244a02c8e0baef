import { notRendered } from '../lib/notRendered';
import { LEARNER_SCROLLING, scrollToHash } from './hashTarget';

/** Where in sessionStorage the page keeps the learner's place on this page (this tab only). */
const placeKey = () => `flask-course:reading-place:${window.location.pathname}`;

/** A place in the lesson: how far past one of its landmarks (or the page's top) the window's top is. */
export interface ReadingPlace {
  /** Which landmark (its index among ANCHORS in the page), or -1 for the top of the page. */
  anchor: number;
  /** Pixels from that heading's top (or the page's top) down to the window's top; negative when the heading is below it. */
  offset: number;
}

/**
 * What a place is counted from: the lesson's title, its section headings and every
 * paragraph, list, code block or heading of its prose. All are in the prerendered HTML,
 * in the same order on every load; an embed is not, as its height changes as it wakes.
 */
const ANCHORS = '#lesson-title, .lesson-section > h2, .lesson-section > .prose > *';

/**
 * The learner's place now, counted from the landmark nearest the window's top (above or
 * below it): what lies between them is on screen, so it measures the same after a reload.
 */
export function currentPlace(root: ParentNode): ReadingPlace {
  let place: ReadingPlace = { anchor: -1, offset: Math.round(window.scrollY) };
  root.querySelectorAll<HTMLElement>(ANCHORS).forEach((element, anchor) => {
    // One in a block the browser is not rendering is far away; measuring it would lay it out.
    if (notRendered(element)) return;
    const offset = Math.round(-element.getBoundingClientRect().top);
    if (Math.abs(offset) < Math.abs(place.offset)) place = { anchor, offset };
  });
  return place;
}

/** Scrolls the window to `place`, at once; false when its landmark is gone. */
export function goToPlace(root: ParentNode, place: ReadingPlace): boolean {
  if (place.anchor < 0) {
    window.scrollTo({ top: place.offset, behavior: 'instant' });
    return true;
  }
  const element = root.querySelectorAll<HTMLElement>(ANCHORS)[place.anchor];
  if (!element) return false;
  window.scrollTo({ top: element.getBoundingClientRect().top + window.scrollY + place.offset, behavior: 'instant' });
  return true;
}

/** The learner's own ways of scrolling, and a press anywhere: any of them ends holding a place. */
const OWN_SCROLLING = [...LEARNER_SCROLLING, 'pointerdown'] as const;

/** How long at most a restored place is held while the page around it settles. */
const HOLD_MS = 10_000;

/**
 * Keeps the window on `place` while the page settles after a reload. Blocks near the place
 * render only once the window is there, and each then takes its real height instead of its
 * placeholder's; the browser's scroll anchoring keeps whatever it chose in view, which
 * need not be the learner's paragraph (a paragraph inside a block that was not rendered
 * yet cannot be chosen; measured: the end of the lesson reopened 436 px off). So each time
 * a block of the lesson changes size, the window goes back to the place, before the frame
 * is painted. It stops when the learner scrolls (wheel, touch, keys, pointer, or a scroll
 * the page did not make, such as dragging the scrollbar), and after HOLD_MS at most.
 */
function holdPlace(root: HTMLElement, place: ReadingPlace): () => void {
  let expectedY = window.scrollY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new ResizeObserver(() => {
    if (!goToPlace(root, place)) stop();
    expectedY = window.scrollY;
  });
  const onScroll = () => {
    if (Math.abs(window.scrollY - expectedY) > 2) stop();
  };
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    window.removeEventListener('scroll', onScroll);
    for (const type of OWN_SCROLLING) window.removeEventListener(type, stop, true);
  }
  // Everything whose height moves the place: the lesson's header and every block of its sections.
  for (const block of root.querySelectorAll('.lesson-header, .lesson-section > *')) observer.observe(block);
  window.addEventListener('scroll', onScroll, { passive: true });
  for (const type of OWN_SCROLLING) window.addEventListener(type, stop, { capture: true, passive: true });
  timer = setTimeout(stop, HOLD_MS);
  return stop;
}

/** Whether this page was reloaded or returned to through history (not a new visit). */
function returned(): boolean {
  const navigation = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return navigation?.type === 'reload' || navigation?.type === 'back_forward';
}

function savedPlace(): ReadingPlace | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(placeKey()) ?? 'null') as Partial<ReadingPlace> | null;
    return Number.isInteger(saved?.anchor) && Number.isFinite(saved?.offset)
      ? { anchor: saved?.anchor as number, offset: saved?.offset as number }
      : undefined;
  } catch {
    // Storage blocked, or not ours: the page opens as the browser put it.
    return undefined;
  }
}

/**
 * Keeps the learner's place across a reload (and a return through history when the
 * browser did not keep the page). The browser would restore the old scroll offset, but
 * far blocks of the lesson are not rendered until near (content-visibility in styles.css),
 * so the same offset lands on other text. The page instead keeps the place as "so far
 * past this paragraph or heading" in sessionStorage (this tab; not history.state, whose
 * every change is a navigation to the browser) and goes back to it on a reload or a
 * return. Returns the function that stops keeping it.
 */
export function keepReadingPlace(root: HTMLElement): () => void {
  if (!('scrollRestoration' in history)) return () => undefined;
  // Manual from now on, for this history entry: a reload then leaves the scrolling to the page.
  history.scrollRestoration = 'manual';
  let stopHolding = () => {};
  if (returned()) {
    const saved = savedPlace();
    if (saved && goToPlace(root, saved)) stopHolding = holdPlace(root, saved);
    else scrollToHash(window.location.hash);
  }
  const save = () => {
    // A jump by a #link made a new history entry, back on the browser's own restoring.
    history.scrollRestoration = 'manual';
    try {
      sessionStorage.setItem(placeKey(), JSON.stringify(currentPlace(root)));
    } catch {
      // Storage blocked or full: a reload opens at the top or the #link's heading.
    }
  };
  window.addEventListener('scrollend', save);
  window.addEventListener('pagehide', save);
  return () => {
    stopHolding();
    window.removeEventListener('scrollend', save);
    window.removeEventListener('pagehide', save);
  };
}
