import { type ReactNode, StrictMode, startTransition, useEffect, useRef } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { nextTask } from '../lib/nextTask';
import { whenNear } from '../lib/whenNear';
import { ISLAND_ATTRIBUTE, ISLAND_LIVE_ATTRIBUTE, islandIdPrefix } from '../ui/Island';
import { loadEmbedComponent } from './embeds';
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
 * Hydrates one island: its element holds exactly what `node` rendered on the server.
 * React hydrates it in a transition, in slices of a few milliseconds, so neither the shell
 * nor a big embed blocks the page while it loads (unsliced, the shell alone was one task
 * of ~170 ms on a phone's CPU); a click or key on an island still hydrates it at once, for
 * that event.
 */
export function hydrateIsland(element: HTMLElement, node: ReactNode): void {
  const name = element.getAttribute(ISLAND_ATTRIBUTE) ?? '';
  startTransition(() => {
    hydrateRoot(element, <StrictMode>{node}</StrictMode>, { identifierPrefix: islandIdPrefix(name) });
  });
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
 * Makes a prerendered lesson live without hydrating its prose: the contents list and the
 * page's own behaviour (the visit, jumps, scrolling boxes) at once, then each embed when
 * the learner needs it: when it comes within about a screen of the viewport, or is touched
 * (pointer, focus, key) first. An embed's code is fetched just before it wakes, so a page
 * read only to its middle never downloads or runs the code of the embeds below. Hydration
 * runs in a transition (see `hydrateIsland`).
 *
 * An embed is not woken at idle: on a phone, hydrating every embed of the lesson while it
 * loads cost 1 s of blocked main thread (Lighthouse, `npm run bench`), for embeds the
 * learner may never reach. A click made on an embed before its code arrived is made again
 * once it is live, so no button press is lost. The promise settles when every embed is
 * hydrated, that is once the learner has been near all of them.
 */
export async function hydrateLessonIslands(lesson: CompiledLesson, article: HTMLElement): Promise<void> {
  // Each step in a task of its own, so none adds to a long task at load.
  await nextTask();
  const contents = islandElement('contents');
  if (contents) hydrateIsland(contents, <OnThisPage headings={lesson.headings} />);
  await nextTask();
  // The prose needs no hydration: its jumps and scrolling boxes are followed from the start
  // (boxes inside an embed once it is live: see ISLAND_LIVE_ATTRIBUTE).
  attachLessonPage(lesson.id, article);
  await nextTask();
  const wakes = lessonEmbeds(lesson).flatMap((embed, index) => {
    const element = islandElement(embedIslandName(index));
    return element ? [wakeWhenNeeded(element, (onCommit) => hydrateEmbed(element, embed, lesson.id, onCommit))] : [];
  });
  // For tests and profiling: from here each embed wakes as the learner nears it.
  performance.mark('embeds-watched');
  await Promise.all(wakes.map((wake) => wake.hydrated));
}

function hydrateEmbed(element: HTMLElement, embed: EmbedData, lessonId: string, onCommit: () => void): Promise<void> {
  // Marks for the bench and for anyone profiling the page: when each island woke and went live.
  const name = element.getAttribute(ISLAND_ATTRIBUTE) ?? '';
  performance.mark(`island-wake:${name}`);
  const committed = () => {
    performance.mark(`island-live:${name}`);
    element.setAttribute(ISLAND_LIVE_ATTRIBUTE, '');
    onCommit();
  };
  return loadEmbedComponent(embed.name).then(() =>
    hydrateIsland(
      element,
      <Committed onCommit={committed}>
        <LessonEmbed lessonId={lessonId} embed={embed} />
      </Committed>,
    ),
  );
}

/**
 * Wakes an island once, on whichever comes first: it nears the viewport or it is touched.
 * A click that lands while its code is still on its way is held back and clicked again
 * once the island is hydrating (React then finishes it at once, for the click).
 */
function wakeWhenNeeded(
  element: HTMLElement,
  wake: (onCommit: () => void) => Promise<void>,
): { hydrated: Promise<void> } {
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
  return { hydrated };
}
