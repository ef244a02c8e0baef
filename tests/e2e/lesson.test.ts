import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { JWT_LESSON_SECTION_IDS } from '../support/jwtLesson.ts';
import { seriousAxeViolations, waitForApp } from '../support/learnerPage.ts';
import { learnerSession } from '../support/learnerSession.ts';

const baseUrl = inject('baseUrl');
const LESSON = `${baseUrl}/lessons/jwt-auth`;

const session = learnerSession(baseUrl);
const open = (options: Parameters<typeof session.open>[0] = {}) => session.open(options);

/** Waits until the heading with this id is in the top half of the window (a function: the CSP forbids eval'd strings). */
const waitInViewport = (page: Page, id: string) =>
  page.waitForFunction((target) => {
    const box = document.getElementById(target)?.getBoundingClientRect();
    if (!box) throw new Error(`no element #${target}`);
    return box.top >= 0 && box.top < innerHeight / 2;
  }, id);

describe('the lesson page in Chromium', () => {
  it('is prerendered: the HTML itself holds the title and every section', async () => {
    const html = await (await fetch(LESSON)).text();
    expect(html).toContain('<h1 id="lesson-title" elementtiming="lesson-title">API Authentication with JWT</h1>');
    for (const id of JWT_LESSON_SECTION_IDS) expect(html).toContain(`<h2 id="${id}">`);
    expect(html).toContain('<title>API Authentication with JWT · Flask APIs, Hands-On</title>');
  });

  it('renders every section, hydrates, and runs with no console error or foreign request', async () => {
    const { page } = await open();
    await page.goto(LESSON);
    await waitForApp(page);
    const ids = await page.locator('.lesson-section > h2').evaluateAll((headings) => headings.map((h) => h.id));
    expect(ids).toEqual([...JWT_LESSON_SECTION_IDS]);
    await expect(page.locator('.example').count()).resolves.toBe(3);
    await expect(page.locator('#build-and-verify .output').textContent()).resolves.toMatch(/^True\n/);
    // Hydrated, not just painted: the outline's status comes from the store.
    await page
      .getByRole('link', { name: /API Authentication with JWT/ })
      .getByText('In progress')
      .waitFor();
  });

  it('ends with the quiz, then a recap that claims nothing unearned; the next lesson is honestly coming soon', async () => {
    const { page } = await open();
    await page.goto(`${LESSON}#recap`);
    await waitForApp(page);
    const ids = await page.locator('.lesson-section > h2').evaluateAll((headings) => headings.map((h) => h.id));
    expect(ids.slice(-2)).toEqual(['quiz', 'recap']);
    const recap = page.locator('.lesson-section:has(> h2#recap)');
    await recap.locator('section.lesson-checklist').waitFor();
    const recapText = (await recap.textContent()) ?? '';
    expect(recapText).toContain('To complete this lesson');
    expect(recapText).not.toMatch(/Lesson complete|Well done|Up next/);
    expect(recapText).toContain('Serialization with Marshmallow, is not written yet');
    const pager = page.getByRole('navigation', { name: 'Previous and next lessons' });
    expect(await pager.textContent()).toContain('Next lesson, coming soon');
    expect(await pager.textContent()).toContain('This lesson is not written yet');
    expect(await pager.textContent()).not.toContain('Up next');
    expect(await pager.getByRole('link').count()).toBe(0);
  });

  it('deep-links to a heading, keeps it across a reload, and marks it in the contents', async () => {
    const { page } = await open();
    await page.goto(`${LESSON}#troubleshooting`);
    await waitForApp(page);
    await waitInViewport(page, 'troubleshooting');
    const current = page.locator('.on-this-page a[aria-current="location"]');
    await expect.poll(() => current.textContent()).toBe('Troubleshooting');
    await page.reload();
    await waitForApp(page);
    await waitInViewport(page, 'troubleshooting');
    expect(page.url()).toBe(`${LESSON}#troubleshooting`);
  });

  it('gives every heading a shareable link, and the contents follow the reader', async () => {
    const { page } = await open();
    await page.goto(LESSON);
    await waitForApp(page);
    await page.locator('#secret-changed a.heading-anchor').click();
    expect(page.url()).toBe(`${LESSON}#secret-changed`);
    await waitInViewport(page, 'secret-changed');
    await expect
      .poll(() => page.locator('.on-this-page a[aria-current="location"]').textContent())
      .toBe('Every token suddenly fails: the secret key changed');
    await page
      .getByRole('navigation', { name: 'On this page' })
      .getByRole('link', { name: 'Anatomy of a token' })
      .click();
    await waitInViewport(page, 'anatomy');
    await expect
      .poll(() => page.locator('.on-this-page a[aria-current="location"]').textContent())
      .toBe('Anatomy of a token');
  });

  it('keeps the reader on the same text across a reload, mid-section and far down', async () => {
    const { page } = await open({ viewport: { width: 360, height: 740 } });
    await page.goto(LESSON);
    await waitForApp(page);
    // The text at the top of the window, below the sticky header.
    const textAtTop = () =>
      page.evaluate(() => {
        const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
        const element = document.elementFromPoint(180, header + 40);
        return {
          text: element?.textContent?.slice(0, 80) ?? '',
          top: element?.getBoundingClientRect().top ?? 0,
          prose: Boolean(element?.closest('.lesson-section > .prose')),
        };
      });
    // The learner reads far down, as a wheel does: the blocks passed are rendered on the way.
    // (Stopping on prose: an embed's own text may change as it wakes, e.g. an example's output.)
    for (let step = 0; step < 30; step++) await page.mouse.wheel(0, 700);
    for (let step = 0; step < 40 && !(await textAtTop()).prose; step++) await page.mouse.wheel(0, 150);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(8000);
    // The page noted the place when the scrolling ended (src/lesson/readingPlace.ts).
    await page.waitForFunction(
      () =>
        (JSON.parse(sessionStorage.getItem('flask-course:reading-place:/lessons/jwt-auth') ?? '{}').anchor ?? -1) > 10,
    );
    const before = await textAtTop();
    expect(before.prose).toBe(true);
    expect(before.text.length).toBeGreaterThan(0);
    await page.reload();
    await waitForApp(page);
    await expect.poll(async () => (await textAtTop()).text, { timeout: 15_000 }).toBe(before.text);
    expect(Math.abs((await textAtTop()).top - before.top)).toBeLessThan(40);
  });

  it('reopens a reload near the end on the same heading, though the blocks around it render late', async () => {
    const { page } = await open({ viewport: { width: 1280, height: 720 } });
    // A heading whose section's blocks are placeholders on a fresh load: reached by a link,
    // its neighbours are rendered only once the window is there, and take their real heights.
    const id = JWT_LESSON_SECTION_IDS.at(-4) ?? '';
    const headingTop = () =>
      page.evaluate((id) => Math.round(document.getElementById(id)?.getBoundingClientRect().top ?? Number.NaN), id);
    await page.goto(`${LESSON}#${id}`);
    await waitForApp(page);
    await expect.poll(headingTop).toBeLessThan(200);
    const before = await headingTop();
    await page.reload();
    await waitForApp(page);
    await expect.poll(async () => Math.abs((await headingTop()) - before), { timeout: 15_000 }).toBeLessThan(40);
    // Still there once the embeds in view have woken and grown.
    await page.waitForFunction(() => {
      const near = [...document.querySelectorAll('[data-island^="embed-"]')].filter((island) => {
        const box = island.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      });
      return near.every((island) => island.hasAttribute('data-island-live'));
    });
    expect(Math.abs((await headingTop()) - before)).toBeLessThan(40);
  });

  it('shows the lesson from the top for an anchor that does not exist', async () => {
    const { page } = await open();
    await page.goto(`${LESSON}#no-such-heading`);
    await waitForApp(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.getByRole('heading', { level: 1, name: 'API Authentication with JWT' }).waitFor();
  });

  it('shows a 404 page for an unknown lesson, with a way back', async () => {
    const { page } = await open();
    await page.goto(`${baseUrl}/lessons/does-not-exist`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found');
    await page.getByRole('link', { name: 'Go to the first lesson' }).click();
    await page.getByRole('heading', { level: 1, name: 'API Authentication with JWT' }).waitFor();
    expect(page.url()).toBe(LESSON);
  });

  it('gives / the lesson and its address', async () => {
    const { page } = await open();
    await page.goto(`${baseUrl}/`);
    await waitForApp(page);
    await page.waitForURL(LESSON);
    await page.getByRole('heading', { level: 1, name: 'API Authentication with JWT' }).waitFor();
  });

  it('follows the system theme, and remembers the toggle across reloads', async () => {
    const { page } = await open({ colorScheme: 'dark' });
    await page.goto(LESSON);
    await waitForApp(page);
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('dark');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await theme()).toBe('light');
    await page.reload();
    await waitForApp(page);
    expect(await theme()).toBe('light');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(255, 255, 255)');
  });

  it('works at 360 px: the outline opens from a menu, nothing scrolls sideways', async () => {
    const { page } = await open({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    await page.goto(LESSON);
    await waitForApp(page);
    const outline = page.getByRole('navigation', { name: 'Lessons', exact: true });
    expect(await outline.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: 'Lessons', exact: true });
    await menu.click();
    await outline.waitFor({ state: 'visible' });
    expect(await outline.getByRole('link', { name: /API Authentication with JWT/ }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await outline.getByText('Upcoming').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await outline.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const contents = page.getByRole('button', { name: 'On this page' });
    await contents.click();
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Troubleshooting' }).click();
    await waitInViewport(page, 'troubleshooting');
  });

  it('stays readable at 200% zoom (a 640 px wide layout) without sideways scrolling', async () => {
    const { page } = await open({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    await page.goto(LESSON);
    await waitForApp(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    const fontSize = await page
      .locator('.prose p')
      .first()
      .evaluate((p) => getComputedStyle(p).fontSize);
    expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(16);
  });

  it('can be used by keyboard: skip link first, then into the lesson', async () => {
    const { page } = await open();
    await page.goto(LESSON);
    await waitForApp(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((link) => link === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(focused).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations in the ${colorScheme} theme`, async () => {
      const { page } = await open({ colorScheme });
      await page.goto(LESSON);
      await waitForApp(page);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.goto(`${baseUrl}/lessons/nope`);
      await waitForApp(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }

  it('has no serious axe violations at 360 px with the menu open', async () => {
    const { page } = await open({ viewport: { width: 360, height: 740 } });
    await page.goto(LESSON);
    await waitForApp(page);
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
