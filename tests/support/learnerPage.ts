import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A page as a learner's browser would show it, recording what tests must never see. */
export interface LearnerPage {
  page: Page;
  context: BrowserContext;
  /** console.error messages and uncaught exceptions. */
  errors: string[];
  /** Requests to any origin other than the app's. */
  foreignRequests: string[];
  close: () => Promise<void>;
}

export async function openLearnerPage(
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions = {},
): Promise<LearnerPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) foreignRequests.push(request.url());
  });
  return { page, context, errors, foreignRequests, close: () => context.close() };
}

/**
 * Waits until the page answers and every embed is live. A prerendered lesson wakes an
 * embed when the learner nears it or touches it (src/lesson/islands.tsx): this moves the
 * pointer over each embed still asleep (a `mouseover`, as a pointer passing by makes),
 * which wakes it where it is, without scrolling the page or bringing anything into view
 * (so what only starts on screen, as the code editor, still waits for that). Waking an
 * embed by scrolling to it, and meeting one asleep, are tested in tests/e2e/islands.test.ts.
 */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('app-interactive').length > 0 &&
      (performance.getEntriesByName('embeds-watched').length > 0 ||
        performance.getEntriesByName('embeds-live').length > 0),
  );
  await page.evaluate(() => {
    for (const island of document.querySelectorAll('[data-island^="embed-"]:not([data-island-live])')) {
      island.firstElementChild?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    }
  });
  await page.waitForFunction(() => performance.getEntriesByName('embeds-live').length > 0);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Waits until the page has made every scrolling code block and table a keyboard stop, as
 * it does for a learner who uses the keyboard: it checks boxes near the viewport after
 * layout (a ResizeObserver, on the next frame), and those far below once a key is pressed
 * (src/lesson/scrollableRegions.ts), so this presses Shift first. Gives up after `timeout`
 * without failing: axe then reports what is missing.
 */
export async function settleScrollRegions(page: Page, timeout = 15_000): Promise<void> {
  await page.keyboard.press('Shift');
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>('pre, .table-scroll')].every(
          (box) =>
            !(box.scrollWidth - box.clientWidth > 1 || box.scrollHeight - box.clientHeight > 1) || box.tabIndex === 0,
        ),
      undefined,
      { timeout },
    )
    .catch(() => undefined);
}

/** Runs axe-core in the page, once its scrolling regions are marked; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await settleScrollRegions(page);
  // Evaluated through the DevTools protocol: an added <script> would be an inline script the CSP blocks.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
