import { useEffect, useState } from 'react';

/** How far below the top of the viewport a heading counts as "being read": a third of it, 120–240 px. */
const readingLine = () => Math.min(240, Math.max(120, window.innerHeight / 3));

/**
 * The id of the heading whose section is in view: the last heading above the reading
 * line. Re-evaluated on scroll, at most once per frame, and first at the first frame (not
 * while the page hydrates).
 *
 * It measures sections, not every heading: a section wholly above the line has all its
 * headings above it, one wholly below none; only the headings of the section across the
 * line are measured. Measuring every heading at hydration forced a layout of the whole
 * page in one task (130 ms on a 4× slowed CPU).
 */
export function useActiveHeading(ids: readonly string[]): string | undefined {
  const [active, setActive] = useState<string | undefined>(undefined);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      let current: string | undefined = ids[0];
      const line = readingLine();
      const sectionBoxes = new Map<Element, DOMRect>();
      for (const id of ids) {
        const element = document.getElementById(id);
        if (!element) continue;
        const section = element.closest('section');
        let box = section ? sectionBoxes.get(section) : undefined;
        if (section && !box) {
          box = section.getBoundingClientRect();
          sectionBoxes.set(section, box);
        }
        const above =
          box && box.bottom <= line
            ? true
            : box && box.top > line
              ? false
              : element.getBoundingClientRect().top <= line;
        // Headings come in page order: the first one below the line ends the search.
        if (!above) break;
        current = id;
      }
      // At the very bottom the last short sections can never reach the line: pick the last one.
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) current = ids.at(-1);
      setActive(current);
    };
    const schedule = () => {
      if (!frame) frame = window.requestAnimationFrame(update);
    };
    schedule();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    window.addEventListener('hashchange', schedule);
    return () => {
      window.cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      window.removeEventListener('hashchange', schedule);
    };
  }, [ids]);

  return active;
}
