import { notRendered } from '../lib/notRendered';
import { ISLAND_LIVE_ATTRIBUTE, insideSleepingIsland } from '../ui/Island';

/** What can scroll inside a lesson: code and output blocks, and the boxes around tables. */
export const SCROLL_BOX_SELECTOR = 'pre, .table-scroll';

/** Set by the page on the boxes it made regions, so it never takes away a name or stop it did not give. */
const MARK = 'data-scroll-region';

/** Whether a box's content is larger than the box, so only scrolling shows all of it. */
export function scrolls(box: Pick<Element, 'scrollWidth' | 'clientWidth' | 'scrollHeight' | 'clientHeight'>): boolean {
  // A pixel of rounding is not scrolling.
  return box.scrollWidth - box.clientWidth > 1 || box.scrollHeight - box.clientHeight > 1;
}

/**
 * A name for a scrolling box, from what it shows: "Code: Example A…", "Output: …",
 * "Table: claim, meaning, in this token", or the section it is in.
 */
export function scrollRegionLabel(box: Element): string {
  if (box.classList.contains('table-scroll')) {
    const headers = [...box.querySelectorAll('thead th')].map((cell) => cell.textContent?.trim()).filter(Boolean);
    const caption = box.querySelector('caption')?.textContent?.trim();
    return `Table: ${caption || headers.join(', ') || placeOf(box)}`;
  }
  const kind = box.classList.contains('output') ? 'Output' : 'Code';
  const titleId = box.closest('[aria-labelledby]')?.getAttribute('aria-labelledby')?.split(' ')[0];
  const title = titleId ? box.ownerDocument.getElementById(titleId)?.textContent?.trim() : undefined;
  return `${kind}: ${title || placeOf(box)}`;
}

/** "in “Anatomy of a token”": the section heading's own text, without its "#" link. */
function placeOf(box: Element): string {
  const heading = box.closest('section')?.querySelector('h2, h3');
  const text = heading
    ? [...heading.childNodes]
        .filter((node) => node.nodeType === 3)
        .map((node) => node.textContent)
        .join('')
        .trim()
    : '';
  return text ? `in “${text}”` : 'scrollable content';
}

/**
 * Makes `box` a tab stop, a region and named while it scrolls (so a keyboard can scroll
 * it), and a plain block again when it fits: a block that does not scroll is no stop.
 * A role or name the box already had is kept; only what the page added is taken away.
 */
export function updateScrollRegion(box: HTMLElement): void {
  const added = new Set((box.getAttribute(MARK) ?? '').split(' ').filter(Boolean));
  if (scrolls(box)) {
    box.tabIndex = 0;
    added.add('tabindex');
    if (!box.hasAttribute('role')) {
      box.setAttribute('role', 'region');
      added.add('role');
    }
    if (added.has('aria-label') || !(box.hasAttribute('aria-label') || box.hasAttribute('aria-labelledby'))) {
      box.setAttribute('aria-label', scrollRegionLabel(box));
      added.add('aria-label');
    }
    box.setAttribute(MARK, [...added].join(' '));
  } else {
    // A component's own tabindex="0" on a block that fits is a stop that leads nowhere, too.
    if (box.getAttribute('tabindex') === '0') box.removeAttribute('tabindex');
    for (const name of added) if (name !== 'tabindex') box.removeAttribute(name);
    box.removeAttribute(MARK);
  }
}

/**
 * Keeps every scroll box inside `element` a tab stop exactly while it scrolls: checked
 * after hydration (the prerendered HTML has no stops, so server and first client render
 * agree; a box inside an island still asleep waits until the island is live, see
 * `ISLAND_LIVE_ATTRIBUTE`), when a box changes size (window resized, output grew) and when
 * boxes appear or change. A box is checked when the browser has laid it out anyway (a ResizeObserver
 * reports it, or the block it is in is rendered), or else while the page is idle, never by
 * forcing a layout: measuring every box at once cost a phone (4× slowed CPU) 210 ms in one
 * task. A box in a block the browser skips waits until that block is rendered or the
 * learner uses a keyboard (then one block at a time, at idle): a mouse or touch reader
 * never needs it as a stop before it is near.
 * Returns the function that stops watching.
 */
export function watchScrollRegions(element: HTMLElement): () => void {
  // Each observed element (a box, or the content inside it) and the box it belongs to.
  const boxOf = new WeakMap<Element, HTMLElement>();
  // Without ResizeObserver (old browsers, jsdom) boxes are checked at once, and on every change.
  const resized =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver((entries) => {
          for (const entry of entries) {
            const box = boxOf.get(entry.target);
            if (box) check(box);
          }
        });
  // Boxes not measured yet: checked a few at a time while the page is idle, so Tab reaches
  // them before they are on screen, or at once when the browser renders the block they
  // are in (as the learner nears it).
  const unchecked = new Set<HTMLElement>();
  const check = (box: HTMLElement) => {
    if (notRendered(box)) return;
    unchecked.delete(box);
    updateScrollRegion(box);
  };
  let idle: number | undefined;
  // A box in a block the browser skips (far from the viewport) is measured when the block
  // is rendered, or once the learner uses a keyboard: measuring it lays out its whole block
  // (on a phone, ~100 ms a block while the page loads), work only Tab needs done early.
  let keyboardInUse = false;
  const keyUsed = () => {
    keyboardInUse = true;
    window.removeEventListener('keydown', keyUsed, { capture: true });
    sweepWhenIdle();
  };
  window.addEventListener('keydown', keyUsed, { capture: true });
  const sweep = (deadline: IdleDeadline) => {
    idle = undefined;
    let more = false;
    let measured = 0;
    let laidOut = false;
    for (const box of unchecked) {
      if (!box.isConnected) {
        unchecked.delete(box);
        continue;
      }
      const skipped = notRendered(box);
      if (skipped && !keyboardInUse) continue;
      // One skipped block laid out per idle moment, so no task grows long.
      if ((measured > 0 && deadline.timeRemaining() < 4) || (skipped && laidOut)) {
        more = true;
        break;
      }
      laidOut ||= skipped;
      measured += 1;
      unchecked.delete(box);
      updateScrollRegion(box);
    }
    if (more) idle = requestIdleCallback(sweep, { timeout: 2000 });
  };
  const sweepWhenIdle = () => {
    if (idle === undefined && unchecked.size > 0 && typeof requestIdleCallback === 'function') {
      idle = requestIdleCallback(sweep, { timeout: 2000 });
    }
  };
  const watch = (box: HTMLElement) => {
    if (boxOf.has(box)) return;
    boxOf.set(box, box);
    if (!resized) return updateScrollRegion(box);
    unchecked.add(box);
    // Observing reports the box once it is laid out, then at every change of size.
    resized.observe(box);
    // The content of a box can widen without the box changing size.
    const content = box.firstElementChild;
    if (content && !boxOf.has(content)) {
      boxOf.set(content, box);
      resized.observe(content);
    }
  };
  const watchAll = () => {
    for (const box of element.querySelectorAll<HTMLElement>(SCROLL_BOX_SELECTOR)) {
      if (!insideSleepingIsland(box)) watch(box);
    }
    sweepWhenIdle();
  };
  // Output and code grow or are replaced while the learner works: check the boxes that
  // changed once the page is idle (a timer, not a frame callback, so it never delays a
  // frame's own work).
  const changedBoxes = new Set<HTMLElement>();
  let pending: ReturnType<typeof setTimeout> | undefined;
  const changed = new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target instanceof Element ? record.target : record.target.parentElement;
      const box = node?.closest<HTMLElement>(SCROLL_BOX_SELECTOR);
      if (box && element.contains(box) && !insideSleepingIsland(box)) changedBoxes.add(box);
    }
    pending ??= setTimeout(() => {
      pending = undefined;
      watchAll();
      for (const box of changedBoxes) {
        if (!box.isConnected) continue;
        unchecked.add(box);
        check(box);
      }
      changedBoxes.clear();
    }, 100);
  });
  // A box out of view gets no size reports, so a new width or a loaded font checks them all again.
  const recheckAll = () => {
    for (const box of element.querySelectorAll<HTMLElement>(SCROLL_BOX_SELECTOR)) {
      if (!insideSleepingIsland(box)) unchecked.add(box);
    }
    sweepWhenIdle();
  };
  // A block of the lesson the browser renders as the learner nears it: its boxes are
  // measured now (the event does not bubble, so it is caught on its way down).
  const rendered = (event: Event) => {
    if ((event as ContentVisibilityAutoStateChangeEvent).skipped || !(event.target instanceof Element)) return;
    for (const box of unchecked) if (event.target.contains(box)) check(box);
  };
  element.addEventListener('contentvisibilityautostatechange', rendered, { capture: true });
  window.addEventListener('resize', recheckAll);
  document.fonts?.addEventListener('loadingdone', recheckAll);
  watchAll();
  // An island that wakes (its live mark set) brings its boxes in.
  changed.observe(element, {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: [ISLAND_LIVE_ATTRIBUTE],
  });
  return () => {
    element.removeEventListener('contentvisibilityautostatechange', rendered, { capture: true });
    window.removeEventListener('keydown', keyUsed, { capture: true });
    window.removeEventListener('resize', recheckAll);
    document.fonts?.removeEventListener('loadingdone', recheckAll);
    clearTimeout(pending);
    if (idle !== undefined) cancelIdleCallback(idle);
    changed.disconnect();
    resized?.disconnect();
  };
}
