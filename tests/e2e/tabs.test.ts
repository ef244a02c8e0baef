import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PROGRESS_STORAGE_KEY } from '../../src/progress/store.ts';
import { waitForApp } from '../support/learnerPage.ts';
import { learnerSession } from '../support/learnerSession.ts';

/*
 * Two tabs of the course in one browser, sharing the learner's progress: fast typing
 * with the other tab open, a reset in one tab while the other saves, and crafted
 * progress that must not freeze the page. Every wait is for a condition.
 */
const baseUrl = inject('baseUrl');
const session = learnerSession(baseUrl);
const EXAMPLE_KEY = 'jwt-auth/build-and-verify';
/** A big paste must land quickly, even on a busy machine: well under the 18 s the browser alone took. */
const RESPONSIVE = { timeout: 5_000 };

async function openTab(page: Page, hash: string) {
  await page.goto(`${baseUrl}/lessons/jwt-auth#${hash}`);
  await waitForApp(page);
}

/** The saved text of an example, as stored (undefined when there is no edit). */
const storedEdit = (page: Page, key: string) =>
  page.evaluate(
    ([storageKey, exampleKey]) =>
      JSON.parse(localStorage.getItem(storageKey ?? '') ?? '{}').state?.exampleEdits?.[exampleKey ?? '']?.code as
        | string
        | undefined,
    [PROGRESS_STORAGE_KEY, key],
  );

describe('two tabs of the course', () => {
  it('keeps every character typed at full speed in one tab while the other is open, and both show it', async () => {
    const { page: first, context } = await session.open();
    const second = await context.newPage();
    await openTab(first, 'build-and-verify');
    await openTab(second, 'build-and-verify');

    const example = first.locator('#build-and-verify');
    await example.getByRole('button', { name: 'Edit' }).click();
    const editor = example.locator('textarea.code-editor');
    await editor.focus();
    const original = await editor.inputValue();
    await first.keyboard.press('Control+End');
    const typed = Array.from({ length: 200 }, (_, index) => 'abcdefghij'[index % 10]).join('');
    await first.keyboard.type(typed, { delay: 0 });
    const expected = original + typed;

    // The typing tab keeps all of it, the other tab's editor shows all of it, and so does storage.
    await expect.poll(() => editor.inputValue(), { timeout: 15_000 }).toBe(expected);
    const otherEditor = second.locator('#build-and-verify textarea.code-editor');
    await expect.poll(() => otherEditor.inputValue().catch(() => ''), { timeout: 15_000 }).toBe(expected);
    await expect.poll(() => storedEdit(first, EXAMPLE_KEY), { timeout: 15_000 }).toBe(expected);
    const kept = (await editor.inputValue()).length - original.length;
    console.info(`two tabs: ${kept} of ${typed.length} characters kept`);
    await second.close();
  });

  it('keeps a reset made in one tab when the other tab saves something afterwards', async () => {
    const { page: first, context } = await session.open();
    const second = await context.newPage();
    await openTab(first, 'build-and-verify');
    await openTab(second, 'flask-login');

    const example = first.locator('#build-and-verify');
    await example.getByRole('button', { name: 'Edit' }).click();
    await example.locator('textarea.code-editor').fill('print("edited in tab 1")');
    // The other tab has the edit...
    await expect
      .poll(() =>
        second
          .locator('#build-and-verify textarea.code-editor')
          .inputValue()
          .catch(() => ''),
      )
      .toBe('print("edited in tab 1")');
    // ...when the first tab resets it.
    await example.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => storedEdit(first, EXAMPLE_KEY)).toBeUndefined();
    await expect.poll(() => second.locator('#build-and-verify textarea.code-editor').count()).toBe(0);

    // The second tab saves something else: the reset holds in both tabs and in storage.
    const other = second.locator('#flask-login');
    await other.getByRole('button', { name: 'Edit' }).click();
    await other.locator('textarea.code-editor').fill('print("edited in tab 2")');
    await expect.poll(() => storedEdit(second, 'jwt-auth/flask-login')).toBe('print("edited in tab 2")');
    await expect
      .poll(() =>
        first
          .locator('#flask-login textarea.code-editor')
          .inputValue()
          .catch(() => ''),
      )
      .toBe('print("edited in tab 2")');
    expect(await storedEdit(second, EXAMPLE_KEY)).toBeUndefined();
    expect(await first.locator('#build-and-verify textarea.code-editor').count()).toBe(0);
    expect(await second.locator('#build-and-verify textarea.code-editor').count()).toBe(0);
    // And after a reload.
    await first.reload();
    await waitForApp(first);
    expect(await first.locator('#build-and-verify textarea.code-editor').count()).toBe(0);
    await second.close();
  });

  it("shows an exercise draft typed in one tab in the other tab's open editor, and a reset there too", async () => {
    // Touch screens get one labelled input per blank: easy to read in both tabs.
    const { page: first, context } = await session.open({ hasTouch: true, isMobile: true });
    const second = await context.newPage();
    await openTab(first, 'exercise');
    await openTab(second, 'exercise');
    const blank = (page: Page) => page.locator('#verify-token').getByRole('textbox', { name: 'Blank 1' });
    for (const page of [first, second]) {
      await page.locator('#verify-token .exercise-editor-bar').scrollIntoViewIfNeeded();
      await blank(page).waitFor({ timeout: 30_000 });
    }

    await blank(first).fill('token.split(".")');
    await expect.poll(() => blank(second).inputValue(), { timeout: 15_000 }).toBe('token.split(".")');
    expect(await second.locator('#verify-token .exercise-blocked').textContent()).toBe(
      'This shows your newer code, saved in another tab.',
    );

    // The second tab types on: the first follows.
    await blank(second).fill('token.rsplit(".")');
    await expect.poll(() => blank(first).inputValue(), { timeout: 15_000 }).toBe('token.rsplit(".")');

    // A reset in the first tab empties the blank in the second.
    await first.locator('#verify-token').getByRole('button', { name: 'Reset' }).click();
    await first.locator('#verify-token').getByRole('button', { name: 'Discard and reset' }).click();
    await expect.poll(() => blank(first).inputValue(), { timeout: 15_000 }).toBe('');
    await expect.poll(() => blank(second).inputValue(), { timeout: 15_000 }).toBe('');
    expect(await second.locator('#verify-token .exercise-blocked').textContent()).toBe(
      'This exercise was reset in another tab: it shows the starter code.',
    );
    await second.close();
  });
});

/** A quiz record with 20,000 repeats of one question id and of one option index. */
function craftedQuiz() {
  const repeats = Array.from({ length: 20_000 }, () => 'parts-order');
  const attempt = {
    id: 'crafted',
    seed: 1,
    scope: 'all',
    startedAt: '2026-11-29T10:00:00.000Z',
    questionIds: repeats,
    optionOrder: { 'parts-order': Array.from({ length: 20_000 }, () => 1) },
    answers: {},
    checked: [],
  };
  return { view: 'all', current: attempt, history: [], updatedAt: '2026-11-29T10:00:00.000Z' };
}

/** Clicking "Edit" on Example A shows its editor: the page answers. */
async function expectPageAnswers(page: Page) {
  const example = page.locator('#build-and-verify');
  await example.getByRole('button', { name: 'Edit' }).click();
  await example.locator('textarea.code-editor').waitFor();
}

/**
 * Records the page's longest main-thread task from its start (the browser's own long-task
 * entries). A freeze is a task of seconds: reading crafted data in quadratic time was one.
 */
async function recordLongestTask(page: Page) {
  await page.addInitScript(() => {
    const page = window as unknown as { longestTask: number };
    page.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) page.longestTask = Math.max(page.longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}
const longestTask = (page: Page) => page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
/** Far above any task of a healthy page on a busy machine, far below a freeze. */
const FREEZE_MS = 2_000;

describe('crafted progress', () => {
  it('refuses a crafted import of 20,000 repeated ids, says why, and the page never freezes', async () => {
    const { page } = await session.open();
    await recordLongestTask(page);
    await openTab(page, 'build-and-verify');
    const file = JSON.stringify({
      format: 'flask-course-progress',
      version: 3,
      data: {
        lessons: {},
        exampleEdits: {},
        exercises: {},
        quizzes: { 'jwt-auth/jwt-quiz': craftedQuiz() },
        removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
      },
    });
    await page.getByLabel('Import progress').setInputFiles({
      name: 'crafted.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    const message = page.locator('.progress-tools-message');
    await expect
      .poll(() => message.textContent(), { timeout: 15_000 })
      .toMatch(/crafted\.json was not imported: .*questionIds: expected at most 100 items.*Your progress is unchanged/);
    await expectPageAnswers(page);
    expect(await longestTask(page)).toBeLessThan(FREEZE_MS);
  });

  it('loads crafted stored progress without freezing: the quiz shows once, and the page answers', async () => {
    const { page } = await session.open();
    await recordLongestTask(page);
    await page.addInitScript(
      ([key, quiz]) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        const state = {
          lessons: {},
          exampleEdits: {},
          exercises: {},
          quizzes: { 'jwt-auth/jwt-quiz': JSON.parse(quiz ?? '') },
          removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
        };
        localStorage.setItem(key ?? '', JSON.stringify({ state, version: 3 }));
      },
      [PROGRESS_STORAGE_KEY, JSON.stringify(craftedQuiz())],
    );
    await openTab(page, 'build-and-verify');
    // The repeats were left out on load, and the learner is told.
    await expect.poll(() => page.locator('.storage-notice').textContent()).toMatch(/no repeated items/);
    await page.evaluate(() => document.getElementById('quiz')?.scrollIntoView());
    await page.locator('section.quiz fieldset[data-question]').first().waitFor({ timeout: 30_000 });
    const question = page.locator('section.quiz fieldset[data-question]');
    expect(await question.count()).toBe(1);
    expect(await question.locator('input').count()).toBeGreaterThan(1);
    expect(await question.locator('input').count()).toBeLessThan(10); // each option once
    // The page answers: picking an option takes effect, and no task froze the page.
    const option = question.locator('input').first();
    await option.click();
    await expect.poll(() => option.isChecked()).toBe(true);
    expect(await longestTask(page)).toBeLessThan(FREEZE_MS);
  });
});

describe('oversized code', () => {
  /** Pastes text as a learner does: through the clipboard, with Ctrl+V, over the whole editor. */
  async function paste(page: Page, target: Locator, text: string) {
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await target.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
  }

  it('keeps an example at 100,000 characters and says so; refuses to save or check an exercise past it', async () => {
    const { page, context } = await session.open({ hasTouch: true, isMobile: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
    await openTab(page, 'build-and-verify');
    const example = page.locator('#build-and-verify');
    await example.getByRole('button', { name: 'Edit' }).click();
    const editor = example.locator('textarea.code-editor');
    // 25,000 lines, 150,000 characters: the page answers, and keeps the first 100,000.
    await paste(page, editor, 'x = 1\n'.repeat(25_000));
    await expect.poll(() => editor.inputValue().then((value) => value.length), RESPONSIVE).toBe(100_000);
    expect(await example.locator('.example-limit').textContent()).toMatch(/at most 100,000 characters/);
    await expect.poll(() => storedEdit(page, EXAMPLE_KEY).then((code) => code?.length)).toBe(100_000);

    // The exercise in free mode: a 150,000-character paste stays on screen, unsaved, unchecked.
    const exercise = page.locator('#verify-token');
    await exercise.locator('.exercise-editor-bar').scrollIntoViewIfNeeded();
    await exercise.getByRole('textbox', { name: 'Blank 1' }).waitFor({ timeout: 30_000 });
    await exercise.getByRole('switch', { name: 'Edit freely' }).check();
    const code = exercise.locator('textarea');
    await code.waitFor({ timeout: 15_000 });
    await paste(page, code, 'x = 1\n'.repeat(25_000));
    await expect
      .poll(() => exercise.locator('.exercise-blocked').textContent(), RESPONSIVE)
      .toMatch(/^Your code is longer than 100,000 characters: it stays in the editor, but it is not saved/);
    expect((await code.inputValue()).length).toBe(150_000);
    await exercise.getByRole('button', { name: 'Check' }).click();
    expect(await exercise.locator('.check-line-fail, .check-line-pass').count()).toBe(0);
    const stored = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}').state?.exercises?.['jwt-auth/verify-token']?.draft?.code,
      PROGRESS_STORAGE_KEY,
    );
    expect(stored?.length ?? 0).toBeLessThanOrEqual(100_000);
    // Typing still answers at once.
    await code.focus();
    const started = Date.now();
    await page.keyboard.type('#');
    await expect.poll(() => code.inputValue().then((value) => value.length), RESPONSIVE).toBe(150_001);
    console.info(`typing after a 150,000-character paste: ${Date.now() - started} ms`);
  });
});
