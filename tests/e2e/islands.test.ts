import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitForApp } from '../support/learnerPage.ts';
import { learnerSession } from '../support/learnerSession.ts';

const baseUrl = inject('baseUrl');
const LESSON = `${baseUrl}/lessons/jwt-auth`;
const session = learnerSession(baseUrl);

/** Whether React owns this element (it was hydrated or rendered by React). */
const reactOwns = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactFiber')));

describe('a prerendered lesson, hydrated island by island', () => {
  it('hydrates the shell at once, each embed as the learner nears it, never the prose', async () => {
    const { page } = await session.open();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(LESSON);
    await page.waitForFunction(() => performance.getEntriesByName('embeds-watched').length > 0);
    expect(await reactOwns(page, '#course-menu-button')).toBe(true);
    // Embeds far below the window (more than a screen past its margin) are asleep.
    const far = await page.evaluate(() =>
      [...document.querySelectorAll('[data-island^="embed-"]')]
        .filter((island) => island.getBoundingClientRect().top > 2 * window.innerHeight + 800)
        .map((island) => island.getAttribute('data-island') ?? ''),
    );
    expect(far.length).toBeGreaterThan(0);
    for (const name of far) {
      expect(await page.evaluate((island) => performance.getEntriesByName(`island-wake:${island}`).length, name)).toBe(
        0,
      );
    }
    // The first embed wakes when the learner scrolls to it.
    const first = page.locator('[data-island="embed-0"]');
    await first.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => performance.getEntriesByName('island-live:embed-0').length > 0);
    expect(await first.evaluate((element) => element.hasAttribute('data-island-live'))).toBe(true);
    expect(await reactOwns(page, 'nav.on-this-page')).toBe(true);
    // The quiz at the end is far away: asleep, and its code not even fetched.
    const quiz = page.locator('[data-island^="embed-"]:has(.quiz)').last();
    const quizName = (await quiz.getAttribute('data-island')) ?? '';
    expect(await page.evaluate((name) => performance.getEntriesByName(`island-wake:${name}`).length, quizName)).toBe(0);
    expect(await quiz.evaluate((element) => element.hasAttribute('data-island-live'))).toBe(false);
    expect(fetched.some((path) => /\/GradedQuiz-[^/]*\.js$/.test(path))).toBe(false);
    // Scrolled near, it wakes.
    await quiz.scrollIntoViewIfNeeded();
    await page.waitForFunction((name) => performance.getEntriesByName(`island-live:${name}`).length > 0, quizName);
    // (Polled: once its questions load, the quiz replaces its prerendered placeholder.)
    await expect.poll(() => reactOwns(page, '[data-island-live] .quiz')).toBe(true);
    // Once the learner has met every embed, each is live; the prose never is React's.
    await waitForApp(page);
    for (const island of await page.locator('[data-island^="embed-"]').all()) {
      await expect
        .poll(() =>
          island.evaluate((element) =>
            [...element.children].every((child) => Object.keys(child).some((key) => key.startsWith('__reactFiber'))),
          ),
        )
        .toBe(true);
    }
    expect(await reactOwns(page, '.prose >> nth=0')).toBe(false);
    expect(await reactOwns(page, '#lesson-title')).toBe(false);
    // Every id an island's hydrated code points at is in the page (the ids of server and page agree).
    const dangling = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-describedby], [aria-labelledby], [aria-controls], label[for]')].flatMap(
        (element) =>
          ['aria-describedby', 'aria-labelledby', 'aria-controls', 'for']
            .flatMap((name) => (element.getAttribute(name) ?? '').split(' ').filter(Boolean))
            .filter((id) => !document.getElementById(id)),
      ),
    );
    expect(dangling).toEqual([]);
  });

  it('styles every embed from the first paint, and adds no stylesheet when one wakes', async () => {
    const { page } = await session.open();
    const stylesheets: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'stylesheet') stylesheets.push(new URL(request.url()).pathname);
    });
    await page.goto(LESSON);
    await page.waitForFunction(() => performance.getEntriesByName('embeds-watched').length > 0);
    // The exercise is far down the page, asleep, and already styled as it will be when live.
    const exercise = page.locator('#verify-token');
    expect(await exercise.evaluate((element) => element.closest('[data-island-live]'))).toBeNull();
    const headerStyle = () =>
      exercise.locator('.exercise-header').evaluate((element) => {
        const style = getComputedStyle(element);
        return { display: style.display, border: style.borderBottomStyle };
      });
    const asleep = await headerStyle();
    expect(asleep).toEqual({ display: 'flex', border: 'solid' });
    await waitForApp(page);
    expect(await headerStyle()).toEqual(asleep);
    // Only the code editor brings stylesheets of its own (it is not in the prerendered page).
    expect(stylesheets.filter((path) => !/\/assets\/(editor|monaco)-[^/]*\.css$/.test(path))).toEqual([]);
  });

  it('keeps a click made before an embed woke, and answers it once its code is here', async () => {
    const { page } = await session.open();
    // Hold the example's code: the page is up, the example is still the prerendered HTML.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/ExampleEmbed-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${LESSON}#build-and-verify`);
    await page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0);
    const example = page.locator('#build-and-verify');
    expect(
      await example.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactFiber'))),
    ).toBe(false);
    await example.getByRole('button', { name: 'Run' }).click();
    release();
    await page.waitForFunction(
      () => performance.getEntriesByName('example-run:build-and-verify').length > 0,
      undefined,
      {
        timeout: 120_000,
      },
    );
    expect(await example.locator('pre.output').textContent()).not.toBe('');
    await waitForApp(page);
  });

  it('lands a jump from the contents exactly on its heading, though embeds above wake and grow', async () => {
    const { page } = await session.open({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    await page.goto(LESSON);
    await page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0);
    await page.getByRole('button', { name: 'On this page' }).click();
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Troubleshooting' }).click();
    await page.waitForFunction(() => {
      const heading = document.getElementById('troubleshooting');
      if (!heading) throw new Error('no #troubleshooting');
      // Below the sticky header (the page's scroll padding), as the browser's own jump puts it.
      const landing =
        (Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0) +
        (Number.parseFloat(getComputedStyle(heading).scrollMarginTop) || 0);
      return landing > 0 && Math.abs(heading.getBoundingClientRect().top - landing) <= 2;
    });
  });
});
