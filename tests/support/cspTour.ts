import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitForApp } from './learnerPage.ts';

/**
 * Records every Content-Security-Policy violation the page (or a worker it starts)
 * reports, from the first script on: the listener is added before any page script runs.
 * Chromium also prints each one to the console; `page.on('console')` catches those.
 */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`);
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

/** Long enough for Python or a Check (CPU-bound) on a busy 2-core machine. */
const CPU_BOUND = { timeout: 90_000, interval: 200 };

/**
 * What a learner does on the lesson page that loads every kind of code and style the site
 * has: the page hydrates, Python runs an example, Monaco loads and a Check runs, and the
 * quiz answers a question.
 */
export async function tourTheLesson(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/lessons/jwt-auth`);
  await waitForApp(page);
  expect(await page.evaluate(() => crossOriginIsolated), 'cross-origin isolated').toBe(true);

  const example = page.locator('#build-and-verify');
  await example.scrollIntoViewIfNeeded();
  await example.getByRole('button', { name: 'Run' }).click();
  await expect.poll(() => example.locator('.example-output-label').textContent(), CPU_BOUND).toMatch(/finished/);

  const exercise = page.locator('#verify-token');
  await exercise.locator('.exercise-editor-bar').scrollIntoViewIfNeeded();
  await exercise.locator('[data-editor-ready="monaco"]').waitFor({ timeout: 30_000 });
  // The blanks filled as exercise.test.ts does (Tab from the switch lands on the first), so Check runs Python.
  await exercise.getByRole('switch', { name: 'Edit freely' }).focus();
  await page.keyboard.press('Tab');
  for (const value of [
    'token.split(".")',
    '(header_b64 + "." + payload_b64).encode("ascii")',
    'hashlib.sha256',
    'hmac.compare_digest',
  ]) {
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect.poll(() => exercise.locator('.exercise-status').textContent(), CPU_BOUND).toMatch(/^Passed/);

  await answerOneQuizQuestion(page);
}

/** Starts the quiz and answers its first question (any choice) until the page grades it. */
export async function answerOneQuizQuestion(page: Page): Promise<void> {
  const quiz = page.locator('section.quiz');
  await quiz.scrollIntoViewIfNeeded();
  await quiz.getByRole('button', { name: 'Start the quiz' }).click();
  const question = quiz.locator('fieldset[data-question]').first();
  await question.waitFor({ timeout: 30_000 });
  await question.locator('label').first().click();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await quiz.locator('fieldset[data-question][data-result]').waitFor();
}
