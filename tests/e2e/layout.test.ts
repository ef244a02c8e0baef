import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations, waitForApp } from '../support/learnerPage.ts';
import { learnerSession } from '../support/learnerSession.ts';

const baseUrl = inject('baseUrl');
const LESSON = `${baseUrl}/lessons/jwt-auth`;
const session = learnerSession(baseUrl);

const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const THEMES = ['light', 'dark'] as const;

async function openLesson(viewport: { width: number; height: number }, colorScheme: 'light' | 'dark') {
  const { page } = await session.open({ viewport, colorScheme });
  await page.goto(LESSON);
  await waitForApp(page);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
  return page;
}

/** Widths of the interactive embeds and of the prose column, in CSS pixels. */
function embedAndProseWidths(page: Page) {
  return page.evaluate(() => {
    const width = (element: Element) => element.getBoundingClientRect().width;
    const prose = Math.max(...[...document.querySelectorAll('.lesson-section > .prose')].map(width));
    const kinds = ['example', 'inspector', 'simulator', 'exercise', 'quiz'];
    const embeds = Object.fromEntries(
      kinds.map((kind) => [
        kind,
        Math.min(...[...document.querySelectorAll(`.lesson-content .embed.${kind}`)].map(width)),
      ]),
    );
    return { prose, embeds };
  });
}

/** Scroll boxes that are tab stops, and those whose content overflows them. */
function scrollBoxes(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.lesson pre, .lesson .table-scroll')];
    const overflows = (box: HTMLElement) =>
      box.scrollWidth - box.clientWidth > 1 || box.scrollHeight - box.clientHeight > 1;
    const describe = (box: HTMLElement) => `${box.tagName}.${box.className}: ${box.getAttribute('aria-label')}`;
    const stop = (box: HTMLElement) => box.tabIndex === 0 && box.getAttribute('tabindex') === '0';
    return {
      total: boxes.length,
      scrolling: boxes.filter(overflows).map(describe).sort(),
      stops: boxes.filter(stop).map(describe).sort(),
      // A box that scrolls and is no stop, or a stop that does not scroll.
      wrong: boxes.filter((box) => overflows(box) !== stop(box)).map(describe),
      regionsNamed: boxes
        .filter((box) => box.tabIndex === 0)
        .every((box) => box.getAttribute('role') === 'region' && (box.getAttribute('aria-label') ?? '').length > 5),
    };
  });
}

/**
 * The scroll boxes once exactly those that scroll are tab stops, for a learner using the
 * keyboard: boxes far from the viewport are checked at idle once a key has been pressed
 * (src/lesson/scrollableRegions.ts).
 */
async function settledScrollBoxes(page: Page) {
  await page.keyboard.press('Shift');
  await expect.poll(async () => (await scrollBoxes(page)).wrong, { timeout: 15_000 }).toEqual([]);
  return scrollBoxes(page);
}

/** Words in table cells that the browser broke across lines (a word drawn as two line boxes). */
function wordsBrokenInTables(page: Page) {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll('.lesson table td, .lesson table th')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

describe('layout of the lesson at 1280 px and 360 px, both themes', () => {
  it('keeps Shiki’s tab stops out of the prerendered HTML (the page adds them only where needed)', async () => {
    const html = await (await fetch(LESSON)).text();
    expect(html).toContain('<pre class="shiki"');
    expect(html).not.toMatch(/<pre[^>]*tabindex/);
    expect(html).toContain('<div class="table-scroll"><table>');
  });

  for (const colorScheme of THEMES) {
    it(`gives interactive embeds more width than the text at 1280 px (${colorScheme})`, async () => {
      const page = await openLesson(WIDE, colorScheme);
      const { prose, embeds } = await embedAndProseWidths(page);
      expect(prose).toBeGreaterThan(500);
      expect(prose).toBeLessThanOrEqual(46 * 16);
      for (const kind of ['example', 'inspector', 'simulator', 'exercise'] as const) {
        expect(embeds[kind], kind).toBeGreaterThan(prose + 200);
      }
      // The quiz is read like text: it keeps the text's measure.
      expect(embeds.quiz).toBeLessThanOrEqual(prose + 1);
      // Nothing sticks out of the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDE.width);
      // A keyboard user reaching the contents sees them, even where an embed passes over them.
      await page.locator('#verify-token').scrollIntoViewIfNeeded();
      const firstEntry = page.getByRole('navigation', { name: 'On this page' }).getByRole('link').first();
      await firstEntry.focus();
      const onTop = await firstEntry.evaluate((link) => {
        const rect = link.getBoundingClientRect();
        const hit = document.elementFromPoint(rect.left + 4, rect.top + rect.height / 2);
        return hit === link || link.contains(hit);
      });
      expect(onTop).toBe(true);
    });

    it(`puts the header on one row at 360 px, with named icon buttons (${colorScheme})`, async () => {
      const page = await openLesson(PHONE, colorScheme);
      const header = await page.locator('.site-header').evaluate((element) => {
        const rows = [...element.children]
          .map((child) => child.getBoundingClientRect())
          .filter((rect) => rect.width > 1 && rect.height > 1);
        return {
          height: element.getBoundingClientRect().height,
          tallest: Math.max(...rows.map((rect) => rect.height)),
          sharedBand: Math.min(...rows.map((rect) => rect.bottom)) - Math.max(...rows.map((rect) => rect.top)),
          count: rows.length,
        };
      });
      expect(header.count).toBe(4);
      // One row: every item overlaps the same horizontal band, and the header is one item tall.
      expect(header.sharedBand).toBeGreaterThan(10);
      // One line tall: two rows would need twice the tallest item (the header's 3.5 rem is one row).
      expect(header.height).toBeLessThan(2 * header.tallest);
      expect(header.height).toBeLessThanOrEqual(3.5 * 16 + 1);
      await page.getByRole('button', { name: 'Lessons', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Dark theme' }).waitFor();
      expect(await page.getByRole('progressbar', { name: /of 1 lesson complete/ }).count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }

  for (const viewport of [WIDE, PHONE]) {
    it(`breaks no word inside a table cell at ${viewport.width} px`, async () => {
      const page = await openLesson(viewport, 'light');
      expect(await page.locator('.lesson table').count()).toBeGreaterThanOrEqual(2);
      expect(await wordsBrokenInTables(page)).toEqual([]);
      const wraps = await page
        .locator('.lesson table code')
        .evaluateAll((codes) => codes.map((code) => getComputedStyle(code).overflowWrap));
      expect(wraps.filter((wrap) => wrap === 'anywhere' || wrap === 'break-all')).toEqual([]);
    });

    it(`makes a code block or table a tab stop only where it scrolls, at ${viewport.width} px`, async () => {
      const page = await openLesson(viewport, 'dark');
      const boxes = await settledScrollBoxes(page);
      expect(boxes.stops).toEqual(boxes.scrolling);
      expect(boxes.total).toBeGreaterThan(5);
      expect(boxes.stops.length).toBeLessThan(boxes.total);
      expect(boxes.regionsNamed).toBe(true);
    });
  }

  it('re-evaluates the tab stops when the window is resized', async () => {
    const page = await openLesson(WIDE, 'light');
    const wide = (await settledScrollBoxes(page)).stops.length;
    await page.setViewportSize(PHONE);
    const narrow = await settledScrollBoxes(page);
    // On a phone more code is wider than the column: those blocks (only those) became stops.
    expect(narrow.stops.length).toBeGreaterThan(wide);
    // The first scrolling block is reached by Tab and scrolls with the arrow keys.
    const first = page.locator('.lesson pre[role="region"]').first();
    await first.scrollIntoViewIfNeeded();
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => first.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
    expect(await first.evaluate((box) => getComputedStyle(box).outlineStyle)).toBe('solid');
  });

  it('renders far blocks only when near, yet a keyboard or a scroll makes their code reachable', async () => {
    const page = await openLesson(PHONE, 'light');
    // The code blocks of the last sections are far below: the browser has not rendered them.
    const far = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.lesson-section > .prose pre')]
          .filter((box) => !box.checkVisibility({ contentVisibilityAuto: true }))
          .map((box) => [...document.querySelectorAll('.lesson pre')].indexOf(box)),
      );
    const skipped = await far();
    expect(skipped.length).toBeGreaterThan(3);
    // Scrolling to one renders its block, and the page measures it there, with no key pressed.
    const scrolled = page.locator('.lesson pre').nth(skipped.at(-1) ?? 0);
    await scrolled.scrollIntoViewIfNeeded();
    await expect
      .poll(() => scrolled.evaluate((box) => box.hasAttribute('data-scroll-region')))
      .toBe(await scrolled.evaluate((box) => box.scrollWidth - box.clientWidth > 1));
    // Back at the top, a learner presses Tab: every block below, rendered or not, is
    // checked while the page is idle, so Tab reaches each one that scrolls.
    await page.evaluate(() => window.scrollTo(0, 0));
    const boxes = await settledScrollBoxes(page);
    expect(boxes.stops.length).toBeGreaterThan(3);
    expect((await far()).length).toBeGreaterThan(0);
  });
});
