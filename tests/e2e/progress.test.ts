import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { compileCourse } from '../../src/lesson/build/index.ts';
import { PROGRESS_STORAGE_KEY } from '../../src/progress/store.ts';
import type { Quiz } from '../../src/quiz/types.ts';
import { seriousAxeViolations, waitForApp } from '../support/learnerPage.ts';
import { learnerSession } from '../support/learnerSession.ts';

/*
 * The practice quiz and the learner's progress, as a learner meets them: answering,
 * reloading, a second tab, a damaged store, and completing the lesson.
 */
const baseUrl = inject('baseUrl');
const session = learnerSession(baseUrl);
const root = fileURLToPath(new URL('../..', import.meta.url));
let quiz: Quiz;

beforeAll(async () => {
  const compiled = await compileCourse(path.join(root, 'lessons'), root);
  const found = compiled.quizzes.get('jwt-auth/jwt-quiz');
  if (!found) throw new Error('no quiz');
  quiz = found;
});

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x3C;/g, '<')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x26;/g, '&')
    .replace(/&amp;/g, '&');
const rightText = (id: string) =>
  plain(quiz.questions.find((question) => question.id === id)?.options.find((option) => option.correct)?.html ?? '');
const wrongText = (id: string) =>
  plain(quiz.questions.find((question) => question.id === id)?.options.find((option) => !option.correct)?.html ?? '');

async function openQuiz(page: Page) {
  await page.goto(`${baseUrl}/lessons/jwt-auth#quiz`);
  await waitForApp(page);
  const section = page.locator('section.quiz');
  await section.getByRole('button', { name: 'Start the quiz' }).click();
  await section.locator('fieldset[data-question]').first().waitFor({ timeout: 30_000 });
  return section;
}

/** Answers the shown question (one at a time) by clicking the option with this text, then checks it. */
async function answer(section: Locator, id: string, text: string) {
  const fieldset = section.locator(`fieldset[data-question="${id}"]`);
  await fieldset.locator('label', { hasText: text }).first().click();
  await section
    .locator(`form:has(fieldset[data-question="${id}"])`)
    .getByRole('button', { name: 'Check answer' })
    .click();
  await section.locator(`fieldset[data-question="${id}"][data-result]`).waitFor();
}

async function answerAll(section: Locator, pick: (id: string) => string) {
  for (const [index, question] of quiz.questions.entries()) {
    await answer(section, question.id, pick(question.id));
    if (index < quiz.questions.length - 1) await section.getByRole('button', { name: /Next question/ }).click();
  }
  await section.getByRole('button', { name: 'See your result' }).click();
}

describe('the practice quiz', () => {
  it('scores all right answers 100 %, ticks the quiz in the checklist, and keeps the result after a reload', async () => {
    const { page } = await session.open();
    const section = await openQuiz(page);
    await answerAll(section, rightText);
    await expect.poll(() => section.textContent()).toMatch(/10 of 10.*100\s%/);
    expect(await section.textContent()).toContain('Passed');
    const checklist = page.locator('section.lesson-checklist');
    await expect.poll(() => checklist.locator('li', { hasText: 'Quiz' }).getAttribute('class')).toBe('part-done');
    await page.reload();
    await waitForApp(page);
    await page.evaluate(() => document.getElementById('quiz')?.scrollIntoView());
    await expect
      .poll(() => page.locator('section.quiz').textContent(), { timeout: 30_000 })
      .toMatch(/Best score: 100\s%/);
    expect(await checklist.locator('li', { hasText: 'Quiz' }).getAttribute('class')).toBe('part-done');
  });

  it('explains a wrong answer at once, and offers to retry only the missed one', async () => {
    const { page } = await session.open();
    const section = await openQuiz(page);
    await answer(
      section,
      'expiry-claim'.replace('expiry-claim', quiz.questions[0]?.id ?? ''),
      wrongText(quiz.questions[0]?.id ?? ''),
    );
    const first = section.locator(`form:has(fieldset[data-question="${quiz.questions[0]?.id}"])`);
    expect(await first.textContent()).toMatch(/incorrect/i);
    expect(await first.textContent()).toContain(
      plain(quiz.questions[0]?.explanationHtml ?? '')
        .trim()
        .slice(0, 40),
    );
    await section.getByRole('button', { name: /Next question/ }).click();
    for (const [index, question] of quiz.questions.slice(1).entries()) {
      await answer(section, question.id, rightText(question.id));
      if (index < quiz.questions.length - 2) await section.getByRole('button', { name: /Next question/ }).click();
    }
    await section.getByRole('button', { name: 'See your result' }).click();
    await expect.poll(() => section.textContent()).toMatch(/9 of 10.*90\s%/);
    await section.getByRole('button', { name: 'Retry the 1 I missed' }).click();
    await answer(section, quiz.questions[0]?.id ?? '', rightText(quiz.questions[0]?.id ?? ''));
    await section.getByRole('button', { name: 'See your result' }).click();
    await expect.poll(() => section.textContent()).toMatch(/10 of 10.*100\s%/);
  });

  it('can be taken by keyboard alone, and is axe-clean in the dark theme', async () => {
    const { page } = await session.open({ colorScheme: 'dark' });
    const section = await openQuiz(page);
    const first = quiz.questions[0];
    if (!first) throw new Error('no question');
    // Focus is on the first question's options: arrows move between them, Enter checks.
    await section.locator(`fieldset[data-question="${first.id}"] input`).first().focus();
    const labels = await section.locator(`fieldset[data-question="${first.id}"] label`).allTextContents();
    const target = labels.findIndex((label) => label.includes(rightText(first.id)));
    await page.keyboard.press('Space');
    for (let step = 0; step < target; step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => section.locator(`fieldset[data-question="${first.id}"]`).getAttribute('data-result'))
      .toBe('correct');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('progress', () => {
  it('loads with damaged stored progress and says so, once', async () => {
    const { page } = await session.open();
    await page.addInitScript(
      ([key]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key ?? '', '{"state": {"lessons": 42, "exercises": "broken"');
          sessionStorage.setItem('seeded', '1');
        }
      },
      [PROGRESS_STORAGE_KEY],
    );
    await page.goto(`${baseUrl}/lessons/jwt-auth`);
    await waitForApp(page);
    const notice = page.locator('.storage-notice');
    await expect.poll(() => notice.textContent()).toMatch(/could not|damaged|recovered/i);
    expect(await page.locator('h1').textContent()).toContain('API Authentication with JWT');
    await page.reload();
    await waitForApp(page);
    expect(await notice.count()).toBe(0);
  });

  it("shows a change made in one tab in the other, without losing either tab's edits", async () => {
    const { page: first, context } = await session.open();
    const second = await context.newPage();
    await first.goto(`${baseUrl}/lessons/jwt-auth#build-and-verify`);
    await waitForApp(first);
    await second.goto(`${baseUrl}/lessons/jwt-auth#quiz`);
    await waitForApp(second);
    // Tab 1 edits an example; tab 2 answers a quiz question.
    const example = first.locator('#build-and-verify');
    await example.getByRole('button', { name: 'Edit' }).click();
    await example.locator('textarea.code-editor').fill('print("edited in tab 1")');
    const section = second.locator('section.quiz');
    await section.getByRole('button', { name: 'Start the quiz' }).click();
    await section.locator('fieldset[data-question]').first().waitFor({ timeout: 30_000 });
    const id = quiz.questions[0]?.id ?? '';
    await answer(section, id, rightText(id));
    // Each tab now has both changes.
    await expect
      .poll(() =>
        first.evaluate(
          (key) =>
            JSON.parse(localStorage.getItem(key) ?? '{}').state?.quizzes?.['jwt-auth/jwt-quiz']?.current?.checked
              ?.length,
          PROGRESS_STORAGE_KEY,
        ),
      )
      .toBe(1);
    await second.goto(`${baseUrl}/lessons/jwt-auth#build-and-verify`);
    await waitForApp(second);
    expect(await second.locator('#build-and-verify textarea.code-editor').inputValue()).toBe(
      'print("edited in tab 1")',
    );
    await first.evaluate(() => document.getElementById('quiz')?.scrollIntoView());
    await expect
      .poll(() => first.locator('section.quiz').textContent(), { timeout: 30_000 })
      .toMatch(/1 of 10 answered/);
    await second.close();
  });

  it('completes the lesson when the verifier and the quiz are passed: celebrated and announced at the quiz, in the checklist, in the header', async () => {
    const { page } = await session.open();
    await page.addInitScript(
      ([key]) => {
        if (localStorage.getItem(key ?? '')) return;
        const passed = { attempts: 1, hintsShown: 0, solutionViewed: false, passedAt: '2026-11-29T10:00:00.000Z' };
        localStorage.setItem(
          key ?? '',
          JSON.stringify({
            state: { lessons: {}, exampleEdits: {}, exercises: { 'jwt-auth/verify-token': passed }, quizzes: {} },
            version: 2,
          }),
        );
      },
      [PROGRESS_STORAGE_KEY],
    );
    const section = await openQuiz(page);
    const checklist = page.locator('section.lesson-checklist');
    expect(await checklist.locator('li', { hasText: 'Exercise: Complete the verifier' }).getAttribute('class')).toBe(
      'part-done',
    );
    expect(await checklist.textContent()).toContain('To complete this lesson');
    expect(await checklist.textContent()).not.toContain('Lesson complete');
    // The live region is in the page, empty, before the pass: so the pass is announced.
    const announcer = page.locator('[role="status"][data-completion-for="jwt-auth/jwt-quiz"]');
    expect(await announcer.textContent()).toBe('');
    await answerAll(section, rightText);
    // At the quiz, right under "Passed", where the learner is.
    const celebration = section.locator('.quiz-result .quiz-celebration');
    await celebration.waitFor();
    expect(await celebration.textContent()).toContain('Lesson complete!');
    expect(await celebration.isVisible()).toBe(true);
    await expect
      .poll(() => announcer.textContent())
      .toBe('Lesson complete! The next lesson, Serialization with Marshmallow, is coming soon.');
    // The checklist says it too, and the next lesson is honestly not there yet.
    await expect.poll(() => checklist.textContent()).toContain('Lesson complete!');
    expect(await checklist.textContent()).toContain('The next lesson, Serialization with Marshmallow, is coming soon');
    expect(await checklist.getByRole('link', { name: 'Serialization with Marshmallow' }).count()).toBe(0);
    expect(await checklist.locator('li', { hasText: 'Challenge' }).textContent()).toContain('(bonus)');
    expect(await page.locator('.course-progress').textContent()).toContain('1 of 1 lesson complete');
    const violations = await seriousAxeViolations(page);
    expect(violations).toEqual([]);
  });

  it('celebrates at the exercise when passing it is what completed the lesson', async () => {
    const { page } = await session.open();
    await page.addInitScript(
      ([key]) => {
        if (localStorage.getItem(key ?? '')) return;
        // The quiz was passed first; the verifier, passed later, completed the lesson.
        const exercise = { attempts: 2, hintsShown: 0, solutionViewed: false, passedAt: '2026-11-29T11:00:00.000Z' };
        const quiz = { view: 'one', history: [], passedAt: '2026-11-29T10:00:00.000Z' };
        localStorage.setItem(
          key ?? '',
          JSON.stringify({
            state: {
              lessons: {},
              exampleEdits: {},
              exercises: { 'jwt-auth/verify-token': exercise },
              quizzes: { 'jwt-auth/jwt-quiz': quiz },
            },
            version: 2,
          }),
        );
      },
      [PROGRESS_STORAGE_KEY],
    );
    await page.goto(`${baseUrl}/lessons/jwt-auth#exercise`);
    await waitForApp(page);
    const atExercise = page.locator('#exercise').locator('xpath=..').locator('.part-completion');
    await atExercise.waitFor();
    expect(await atExercise.textContent()).toContain('Lesson complete!');
    expect(await page.locator('.part-completion').count()).toBe(1);
    expect(await page.locator('section.lesson-checklist').textContent()).toContain('Lesson complete!');
  });
});
