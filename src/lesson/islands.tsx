import { type ReactNode, StrictMode, startTransition, useEffect, useRef } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { whenNear } from '../lib/whenNear';
import { ISLAND_ATTRIBUTE, islandIdPrefix } from '../ui/Island';
import { loadEmbedComponent } from './embeds';
import { keepJumpsOnTarget } from './hashTarget';
import { attachLessonPage, embedIslandName, LessonEmbed } from './LessonPage';
import { lessonEmbeds } from './loadLesson';
import { OnThisPage } from './OnThisPage';
import type { CompiledLesson, EmbedData } from './types';

/** How near the viewport an embed wakes first: about a screen ahead, so it is live when read. */
const WAKE_MARGIN_PX = 800;

/** What a learner does first to an embed: any of these wakes it at once. */
const FIRST_TOUCH = ['pointerdown', 'focusin', 'keydown', 'touchstart', 'mouseover'] as const;

/** The element of the prerendered page that holds island `name`. */
export function islandElement(name: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[${ISLAND_ATTRIBUTE}="${name}"]`);
}

/**
 * Hydrates one island: its element holds exactly what `node` rendered on the server. In a
 * transition, React hydrates in slices of a few milliseconds, so a big embed never blocks
 * the page; a click or key on it still hydrates it at once, for that event.
 */
export function hydrateIsland(element: HTMLElement, node: ReactNode, { inTransition = false } = {}): void {
  const name = element.getAttribute(ISLAND_ATTRIBUTE) ?? '';
  const hydrate = () => {
    hydrateRoot(element, <StrictMode>{node}</StrictMode>, { identifierPrefix: islandIdPrefix(name) });
  };
  if (inTransition) startTransition(hydrate);
  else hydrate();
}

/** Calls `onCommit` once, when React has committed what it wraps (StrictMode runs effects twice). */
function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    onCommit();
  }, [onCommit]);
  return children;
}

/**
 * Makes a prerendered lesson live without hydrating its prose: the contents list at once,
 * then each embed, first those near the viewport or touched (pointer, focus, key), then the
 * rest one by one while the page is idle, so an embed that shows stored progress (a saved
 * draft, a passed exercise) never shows the prerendered "nothing yet" for long, and none
 * makes the learner wait when reached. An embed's code is fetched just before it wakes.
 * Hydration runs in a transition, in slices of a few milliseconds: waking them all costs a
 * phone no long task (measured with Lighthouse: `npm run bench`).
 *
 * A click made on an embed before its code arrived is made again once it is live, so no
 * button press is lost. The promise settles when every embed is hydrated.
 */
export function hydrateLessonIslands(lesson: CompiledLesson, article: HTMLElement): Promise<void> {
  const contents = islandElement('contents');
  if (contents) hydrateIsland(contents, <OnThisPage headings={lesson.headings} />);
  // Jumps from the contents are followed from the start: they touch no island's HTML.
  keepJumpsOnTarget(article);
  const wakes = lessonEmbeds(lesson).flatMap((embed, index) => {
    const element = islandElement(embedIslandName(index));
    return element ? [wakeWhenNeeded(element, (onCommit) => hydrateEmbed(element, embed, lesson.id, onCommit))] : [];
  });
  oneByOneWhenIdle(wakes.map((wake) => wake.now));
  // Only once every island is hydrated: the page then marks scrolling boxes as tab stops,
  // which changes their attributes; done to an island still asleep, its hydration would
  // find HTML that is no longer what the server rendered.
  return Promise.all(wakes.map((wake) => wake.hydrated)).then(() => {
    attachLessonPage(lesson.id, article, { followJumps: false });
  });
}

function hydrateEmbed(element: HTMLElement, embed: EmbedData, lessonId: string, onCommit: () => void): Promise<void> {
  // Marks for the bench and for anyone profiling the page: when each island woke and went live.
  const name = element.getAttribute(ISLAND_ATTRIBUTE) ?? '';
  performance.mark(`island-wake:${name}`);
  const committed = () => {
    performance.mark(`island-live:${name}`);
    onCommit();
  };
  return loadEmbedComponent(embed.name).then(() =>
    hydrateIsland(
      element,
      <Committed onCommit={committed}>
        <LessonEmbed lessonId={lessonId} embed={embed} />
      </Committed>,
      { inTransition: true },
    ),
  );
}

const whenIdle = (callback: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(callback, { timeout: 1000 })
    : setTimeout(callback, 50);

/** Runs the steps in order, one per idle period. */
function oneByOneWhenIdle(steps: (() => void)[]): void {
  let next = 0;
  const step = () => {
    steps[next++]?.();
    if (next < steps.length) whenIdle(step);
  };
  whenIdle(step);
}

/**
 * Wakes an island once, on whichever comes first: it nears the viewport, it is touched, or
 * `now` is called. A click that lands while its code is still on its way is held back and
 * clicked again once the island is hydrating (React then finishes it at once, for the click).
 */
function wakeWhenNeeded(
  element: HTMLElement,
  wake: (onCommit: () => void) => Promise<void>,
): { now: () => void; hydrated: Promise<void> } {
  let woken: Promise<void> | undefined;
  let live = false;
  let committed: () => void = () => {};
  const hydrated = new Promise<void>((resolve) => {
    committed = resolve;
  });
  let stopWatching = () => {};
  const start = () => {
    if (woken) return;
    stopWatching();
    for (const type of FIRST_TOUCH) element.removeEventListener(type, start, true);
    woken = wake(committed).then(
      () => {
        live = true;
      },
      () => {
        // The code could not be fetched (offline, a new build): the HTML stays; a later touch retries.
        woken = undefined;
        listen();
      },
    );
  };
  const holdEarlyClick = (event: MouseEvent) => {
    if (live) {
      element.removeEventListener('click', holdEarlyClick, true);
      return;
    }
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.closest('button, a, input, label, summary, select')) return;
    event.preventDefault();
    event.stopPropagation();
    start();
    woken?.then(() => {
      if (target.isConnected) target.click();
    });
  };
  const listen = () => {
    stopWatching = whenNear(element, start, WAKE_MARGIN_PX);
    for (const type of FIRST_TOUCH) element.addEventListener(type, start, { capture: true, passive: true });
  };
  element.addEventListener('click', holdEarlyClick, true);
  listen();
  return { now: start, hydrated };
}
