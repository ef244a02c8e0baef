import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations, waitForApp } from '../support/learnerPage.ts';
import { learnerSession } from '../support/learnerSession.ts';

/*
 * The verifier exercise and the expiry challenge, used as a learner would: typing into the
 * real Monaco editor (downloaded on demand), Check, hints, solution, reset, reload.
 */
const baseUrl = inject('baseUrl');
const session = learnerSession(baseUrl);

const CORRECT = [
  'token.split(".")',
  '(header_b64 + "." + payload_b64).encode("ascii")',
  'hashlib.sha256',
  'hmac.compare_digest',
];
/** A blank far wider than the editor (valid Python that splits on the wrong character). */
const LONG_BLANK =
  'token.split(",") if isinstance(token, str) and token.count(".") == 2 and len(token) < 100000 else token.split(".")';
const expirySolution = readFileSync(
  new URL('../../lessons/jwt-auth/exercises/expiry/solution.py', import.meta.url),
  'utf8',
);

async function openExercise(options: Parameters<typeof session.open>[0] = {}, hash = '#exercise', id = 'verify-token') {
  const learner = await session.open(options);
  const { page } = learner;
  await page.goto(`${baseUrl}/lessons/jwt-auth${hash}`);
  await waitForApp(page);
  const exercise = page.locator(`#${id}`);
  await editorReady(exercise);
  return { ...learner, exercise };
}

/** Scrolls to the editor, as a learner does (it loads as it comes near), and waits until it is ready. */
async function editorReady(exercise: Locator, engine?: 'monaco' | 'textarea') {
  await exercise.locator('.exercise-editor-bar').scrollIntoViewIfNeeded();
  await exercise
    .locator(engine ? `[data-editor-ready="${engine}"]` : '[data-editor-ready]')
    .waitFor({ timeout: 30_000 });
}

/** Tabs from the "Edit freely" switch into the editor: the cursor lands on the first blank to fill. */
async function tabIntoEditor(page: Page, exercise: Locator) {
  await exercise.getByRole('switch', { name: 'Edit freely' }).focus();
  await page.keyboard.press('Tab');
}

async function fillBlanks(page: Page, exercise: Locator, values: string[]) {
  await tabIntoEditor(page, exercise);
  for (const value of values) {
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
}

const status = (exercise: Locator) => exercise.locator('.exercise-status');
/**
 * The code lines Monaco shows, top to bottom (it renders spaces as no-break spaces). Monaco
 * positions each line absolutely and may append a re-rendered one last in the DOM: order by position.
 */
const editorText = (exercise: Locator) =>
  exercise.locator('.view-lines').evaluate((lines) =>
    [...lines.querySelectorAll<HTMLElement>('.view-line')]
      .sort((a, b) => Number.parseFloat(a.style.top) - Number.parseFloat(b.style.top))
      .map((line) => line.textContent ?? '')
      .join('')
      .replace(/\u00a0/g, ' '),
  );
/** Long enough for a Check or Run (Python and the suite, CPU-bound) on a busy 2-core machine. */
const CPU_BOUND = { timeout: 90_000, interval: 200 };
/** Long enough for the editor to show what was typed or pasted on a busy machine. */
const RENDERED = { timeout: 15_000 };

async function checkAndWait(exercise: Locator, expected: RegExp) {
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect.poll(() => status(exercise).textContent(), CPU_BOUND).toMatch(expected);
}

describe('the verifier exercise', () => {
  it('keeps Monaco out of the first download and loads it as the exercise comes near', async () => {
    const learner = await session.open();
    const { page } = learner;
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${baseUrl}/lessons/jwt-auth`);
    await waitForApp(page);
    expect(scripts.filter((url) => /editor\.api|monaco/.test(url))).toEqual([]);
    await page.locator('#verify-token').scrollIntoViewIfNeeded();
    await page.locator('#verify-token [data-editor-ready="monaco"]').waitFor({ timeout: 30_000 });
    expect(scripts.some((url) => /editor\.api/.test(url))).toBe(true);
  });

  it('passes every check when the blanks are filled right, then offers the solution beside the code', async () => {
    const { page, exercise } = await openExercise();
    await fillBlanks(page, exercise, CORRECT);
    // Tab after the last blank leaves the editor for the Check button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Check');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(exercise).textContent(), CPU_BOUND).toMatch(/^Passed: All \d+ checks passed\.$/);
    expect(await exercise.locator('.check-line-fail').count()).toBe(0);
    expect(await exercise.locator('.exercise-badge').textContent()).toContain('Passed');
    await exercise.getByRole('button', { name: 'Compare with the reference solution' }).click();
    const compare = exercise.getByRole('region', { name: 'Your code beside the reference solution' });
    expect(await compare.locator('figure').first().textContent()).toContain(
      'hmac.compare_digest(expected, signature_b64)',
    );
    expect(await compare.locator('figure').last().textContent()).toContain('Reference solution');
  });

  it('answers a wrong blank with its own explanation', async () => {
    const { page, exercise } = await openExercise();
    await fillBlanks(page, exercise, [CORRECT[0], CORRECT[1], 'hashlib.sha1', CORRECT[3]] as string[]);
    await checkAndWait(exercise, /^\d+ of \d+ checks passed; \d+ failed\.$/);
    expect(await exercise.locator('[data-feedback]').first().getAttribute('data-feedback')).toBe('wrong-hash-sha1');
    expect(await exercise.locator('[data-case="signed-sha1"]').textContent()).toMatch(
      /Expected.*reject it.*Your code.*returned \{'sub'/,
    );
  });

  it('stops an endless loop typed into a blank, with a clear failure, and keeps the code', async () => {
    const { page, exercise } = await openExercise();
    const loop = 'next(x for x in iter(int, 1) if x)';
    await fillBlanks(page, exercise, [loop, ...CORRECT.slice(1)]);
    await checkAndWait(exercise, /checks passed; \d+ failed\./);
    expect(await exercise.locator('[data-case="valid"]').textContent()).toMatch(
      /ran more than [\d,]+ lines of Python|was still running after 5 s/,
    );
    expect(await editorText(exercise)).toContain('iter(int, 1)');
    // The page stayed responsive throughout.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
  });

  it('refuses edits outside the blanks and says how to edit freely; a syntax error gets a marker', async () => {
    const { page, exercise } = await openExercise();
    await tabIntoEditor(page, exercise);
    await page.keyboard.press('ArrowUp'); // line 28, a comment: read-only
    await page.keyboard.type('x');
    await expect
      .poll(() => exercise.locator('.exercise-blocked').textContent(), RENDERED)
      .toContain('Only the highlighted blanks can be edited');
    await fillBlanks(page, exercise, ['token.split(".") +', ...CORRECT.slice(1)]);
    await checkAndWait(exercise, /^SyntaxError on line \d+/);
    await exercise.locator('.squiggly-error').first().waitFor();
    await exercise.getByRole('button', { name: /^Go to line \d+$/ }).click();
  });

  it('lists unfilled blanks instead of running, and restores the draft after a reload', async () => {
    const { page, exercise } = await openExercise();
    await fillBlanks(page, exercise, CORRECT.slice(0, 2));
    await checkAndWait(exercise, /^Fill in the blanks on lines 41 and 45 first\. Each ___ needs your code\.$/);
    // The draft is saved after a short quiet spell: wait until it is in storage.
    await page.waitForFunction(() =>
      Object.values(localStorage).some((value) => value.includes('token.split(\\".\\")')),
    );
    await page.reload();
    await waitForApp(page);
    await editorReady(exercise, 'monaco');
    expect(await editorText(exercise)).toContain('parts = token.split(".")');
    // Still in blanks mode, and the remaining blanks take the rest.
    await fillBlanks(page, exercise, CORRECT.slice(2));
    await checkAndWait(exercise, /^Passed/);
  }, 240_000);

  it('can be done by keyboard alone: hints, check, solution after a confirmation, reset after one', async () => {
    const { page, exercise } = await openExercise();
    const press = (key: string) => page.keyboard.press(key);
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await fillBlanks(page, exercise, [CORRECT[0], 'payload_b64.encode("ascii")', CORRECT[2], CORRECT[3]] as string[]);
    await press('Enter'); // Check
    await expect.poll(() => status(exercise).textContent(), CPU_BOUND).toMatch(/failed/);
    expect(await exercise.locator('[data-feedback]').first().getAttribute('data-feedback')).toBe('signed-payload-only');
    // Each key's effect (a re-render, focus moved by the page) is waited for before the next key.
    await press('Tab');
    await expect.poll(focused, RENDERED).toContain('Run');
    await press('Tab');
    await expect.poll(focused, RENDERED).toBe('Show a hint (1 of 3)');
    await press('Enter');
    await expect.poll(() => exercise.getByRole('region', { name: 'Hints' }).locator('li').count(), RENDERED).toBe(1);
    await press('Tab');
    await expect.poll(focused, RENDERED).toBe('Show the solution');
    await press('Enter');
    await expect.poll(focused, RENDERED).toBe('Keep trying');
    await press('Shift+Tab');
    await expect.poll(focused, RENDERED).toBe('Show the solution');
    await press('Enter'); // Show the solution
    await expect
      .poll(() => exercise.getByRole('region', { name: 'Your code beside the reference solution' }).count(), RENDERED)
      .toBe(1);
    await exercise.getByRole('button', { name: 'Reset', exact: true }).focus();
    await press('Enter');
    await expect.poll(focused, RENDERED).toBe('Keep my code');
    await press('Escape');
    // The question closes, then focus returns to its button on the next frame.
    await expect.poll(focused, RENDERED).toBe('Reset');
    await press('Enter');
    await expect.poll(focused, RENDERED).toBe('Keep my code');
    await press('Shift+Tab');
    await expect.poll(focused, RENDERED).toBe('Discard and reset');
    await press('Enter'); // Discard and reset
    await expect.poll(() => editorText(exercise), RENDERED).toContain('parts = ___');
  });

  it('has no serious accessibility problem with results, hints and the solution shown, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, exercise } = await openExercise({ colorScheme });
      await fillBlanks(page, exercise, ['token.split(",")', ...CORRECT.slice(1)]);
      await checkAndWait(exercise, /failed/);
      await exercise.getByRole('button', { name: /Show a hint/ }).click();
      await exercise.getByRole('button', { name: 'Show the solution' }).click();
      await exercise.getByRole('button', { name: 'Show the solution' }).click();
      expect(JSON.stringify(await seriousAxeViolations(page), null, 1)).toBe('[]');
    }
  });

  it('shows each blank as a labelled input on a touch screen, wraps long lines, saves the draft, grades the same', async () => {
    const { page, exercise } = await openExercise({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 360, height: 780 },
      colorScheme: 'dark',
    });
    await editorReady(exercise, 'textarea');
    const blank = (index: number) => exercise.getByRole('textbox', { name: `Blank ${index}` });
    await blank(1).fill(LONG_BLANK);
    // Nothing sideways: the code wraps inside the editor, which is no wider than its frame.
    expect(await exercise.locator('.editor-frame').evaluate((frame) => frame.scrollWidth <= frame.clientWidth)).toBe(
      true,
    );
    expect(await exercise.evaluate((root) => root.getBoundingClientRect().right)).toBeLessThanOrEqual(360);
    for (const [index, value] of CORRECT.entries()) await blank(index + 1).fill(value);
    await page.waitForFunction(() =>
      Object.values(localStorage).some((value) => value.includes('hmac.compare_digest(expected')),
    );
    await page.reload();
    await waitForApp(page);
    await editorReady(exercise, 'textarea');
    await expect.poll(() => blank(4).inputValue(), RENDERED).toBe(CORRECT[3]);
    expect(await blank(1).inputValue()).toBe(CORRECT[0]);
    expect(JSON.stringify(await seriousAxeViolations(page), null, 1)).toBe('[]');
    await checkAndWait(exercise, /^Passed/);
  }, 240_000);

  it('never hides the start of a line after a long blank, wide and narrow, light and dark', async () => {
    for (const { width, colorScheme } of [
      { width: 1280, colorScheme: 'light' },
      { width: 1280, colorScheme: 'dark' },
      { width: 360, colorScheme: 'light' },
    ] as const) {
      const { page, exercise } = await openExercise({ viewport: { width, height: 800 }, colorScheme });
      await editorReady(exercise, 'monaco');
      await tabIntoEditor(page, exercise);
      await page.keyboard.type(LONG_BLANK);
      await page.keyboard.press('Tab'); // the cursor leaves the long line for the next blank
      // Wrapped lines show the indentation of their continuation: compare without spaces.
      await expect
        .poll(async () => (await editorText(exercise)).replace(/\s+/g, ''), RENDERED)
        .toContain('len(token)<100000');
      // Every piece of text Monaco shows lies inside its visible code area: no line is cut off at either side.
      const outside = await exercise.evaluate((root) => {
        const area = root.querySelector('.monaco-editor .editor-scrollable')?.getBoundingClientRect();
        if (!area) return ['no code area'];
        const cut: string[] = [];
        for (const line of root.querySelectorAll('.monaco-editor .view-line')) {
          const range = document.createRange();
          range.selectNodeContents(line);
          for (const rect of range.getClientRects()) {
            if (rect.width > 0 && (rect.left < area.left - 1 || rect.right > area.right + 1)) {
              cut.push(line.textContent ?? '');
            }
          }
        }
        return cut;
      });
      expect(outside, `${width} px, ${colorScheme}`).toEqual([]);
    }
  });

  it('keeps a failing Check short: the first failure open, every other task one line', async () => {
    const { page, exercise } = await openExercise();
    await fillBlanks(page, exercise, ['token.split(",")', ...CORRECT.slice(1)]);
    await checkAndWait(exercise, /failed/);
    const results = exercise.locator('.check-results');
    await results.locator('.check-task').first().waitFor(); // the results' code arrives after the verdict
    const openTasks = results.locator('.check-task > details[open]');
    expect(await openTasks.count()).toBe(1);
    expect(await results.locator('.check-task > details').count()).toBeGreaterThan(1);
    // The open task holds the first failure of the report, its details shown.
    const firstFailure = results.locator('.check-line-fail').first();
    expect(await openTasks.locator('.check-line-fail').first().getAttribute('data-case')).toBe(
      await firstFailure.getAttribute('data-case'),
    );
    expect(await results.locator('.check-detail-box[open]').count()).toBe(1);
    expect(await firstFailure.locator('.check-detail-box[open] dt').first().isVisible()).toBe(true);
    // Short: it was about 1,050 px before grouping (2,000 px with more failures).
    const height = (await results.boundingBox())?.height ?? Number.POSITIVE_INFINITY;
    expect(height).toBeLessThan(900);
  });

  it('shows a focus ring on the stand-in before Monaco loads, then hands focus to Monaco; Escape then Tab leaves', async () => {
    // Routes see no request a service worker answers: this test holds Monaco's download, so it runs without one.
    const { page } = await session.open({ serviceWorkers: 'block' });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/monaco-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${baseUrl}/lessons/jwt-auth#exercise`);
    await waitForApp(page);
    const exercise = page.locator('#verify-token');
    await tabIntoEditor(page, exercise);
    const placeholder = exercise.locator('.editor-placeholder');
    expect(await placeholder.evaluate((element) => element === document.activeElement)).toBe(true);
    const ring = await placeholder.evaluate((element) => {
      const style = getComputedStyle(element);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    const note = exercise.locator('.editor-note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('To leave the editor, press Escape, then Tab.');

    release();
    await editorReady(exercise, 'monaco');
    await page.waitForFunction(() => document.activeElement?.closest('#verify-token .monaco-editor') !== null);
    // The focused input is described by the visible note.
    expect(
      await page.evaluate(() => {
        const id = document.activeElement?.getAttribute('aria-describedby');
        return id ? document.getElementById(id)?.textContent : null;
      }),
    ).toContain('press Escape, then Tab');
    await page.keyboard.type('token.split(".")');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Check');
    expect(await editorText(exercise)).toContain('parts = token.split(".")');
  });
});

describe('the expiry challenge', () => {
  it('indents with Tab in free editing, and is left with Escape then Tab, as the note under it says', async () => {
    const { page, exercise: challenge } = await openExercise({}, '#challenge', 'expiry');
    expect(await challenge.locator('.editor-note').textContent()).toBe(
      'Tab indents. To leave the editor, press Escape, then Tab. Ctrl+Enter checks your code.',
    );
    await challenge.locator('.monaco-editor .view-line').first().click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab'); // indents: focus stays
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Check');
  });

  it('runs the file as a program with Run: its demo prints what the functions do', async () => {
    const { exercise: challenge } = await openExercise({}, '#challenge', 'expiry');
    await challenge.getByRole('button', { name: 'Run' }).click();
    const output = challenge.locator('.exercise-run .output');
    await expect.poll(() => output.textContent(), CPU_BOUND).toContain('token without exp');
    expect(await output.textContent()).toContain('1 minute later: accepted');
  });

  it('passes with the reference solution typed in freely, and fails the starter with its feedback', async () => {
    const { page, exercise: challenge } = await openExercise({}, '#challenge', 'expiry');
    await checkAndWait(challenge, /failed/);
    expect(await challenge.locator('[data-feedback]').first().getAttribute('data-feedback')).toBe('exp-not-added');
    await challenge.locator('.monaco-editor').click();
    await page.keyboard.press('Control+A');
    // Pasted from a Windows editor: CRLF line ends, indented with tabs.
    const pasted = expirySolution.replace(/^( {4})+/gm, (spaces) => '\t'.repeat(spaces.length / 4));
    await page.evaluate(
      (text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.activeElement?.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      },
      pasted.replace(/\n/g, '\r\n'),
    );
    await expect.poll(() => editorText(challenge), RENDERED).toContain('def issue_token');
    await checkAndWait(challenge, /^Passed: All \d+ checks passed\.$/);
  });
});
