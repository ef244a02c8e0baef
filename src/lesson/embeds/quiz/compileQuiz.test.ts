import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileQuiz } from './compileQuiz.ts';

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

async function compile(yaml: string) {
  folder = await mkdtemp(path.join(tmpdir(), 'quiz-'));
  const file = path.join(folder, 'quiz.yaml');
  await writeFile(file, yaml);
  return compileQuiz({
    file,
    relative: () => 'lessons/demo/quiz.yaml',
    markdownToHtml: async (text) => `<p>${text}</p>`,
  });
}

const formatted = (result: Awaited<ReturnType<typeof compile>>) => result.errors.map((error) => error.format());

describe('compileQuiz', () => {
  it('compiles questions of every type, with defaults, option explanations and inline HTML', async () => {
    const { quiz, errors } = await compile(`id: demo-quiz
title: Demo
questions:
  - id: one
    type: single
    prompt: Pick \`a\`
    options:
      - { text: a, correct: true, why: Because. }
      - { text: b }
    explanation: It is a.
  - id: two
    type: multiple
    prompt: Pick both
    options:
      - { text: x, correct: true }
      - { text: y, correct: true }
      - { text: z }
    explanation: x and y.
  - id: three
    type: true-false
    prompt: The sky is green.
    answer: false
    explanation: It is not.
`);
    expect(errors).toEqual([]);
    expect(quiz).toMatchObject({ id: 'demo-quiz', passPercent: 80, shuffleOptions: true, shuffleQuestions: false });
    expect(quiz?.questions[0]).toEqual({
      id: 'one',
      type: 'single',
      promptHtml: 'Pick `a`',
      options: [
        { html: 'a', correct: true, whyHtml: 'Because.' },
        { html: 'b', correct: false },
      ],
      explanationHtml: '<p>It is a.</p>',
    });
    expect(quiz?.questions[2]?.options).toEqual([
      { html: 'True', correct: false },
      { html: 'False', correct: true },
    ]);
  });

  it('reports every mistake with its line', async () => {
    const result = await compile(`id: demo-quiz
title: Demo
pass: 120
questions:
  - id: one
    type: single
    prompt: Two right answers?
    options:
      - { text: a, correct: true }
      - { text: b, correct: true }
    explanation: Oops.
  - id: one
    type: single
    prompt: Same id, and a repeated option
    options:
      - { text: Same, correct: true }
      - { text: same }
    explanation: Oops.
  - id: three
    type: single
    prompt: No explanation
    options:
      - { text: a, correct: true }
      - { text: b }
`);
    expect(formatted(result)).toEqual([
      'lessons/demo/quiz.yaml:3:7 ERR_QUIZ "pass": Too big: expected number to be <=100',
      'lessons/demo/quiz.yaml:19:5 ERR_QUIZ "questions.2.explanation": Invalid input: expected string, received undefined',
    ]);
    const second = await compile(`id: demo-quiz
title: Demo
questions:
  - id: one
    type: single
    prompt: Two right answers?
    options:
      - { text: a, correct: true }
      - { text: b, correct: true }
    explanation: Oops.
  - id: one
    type: single
    prompt: Same id, and a repeated option
    options:
      - { text: Same, correct: true }
      - { text: same }
    explanation: Oops.
  - id: four
    type: true-false
    prompt: No answer
    explanation: Oops.
`);
    expect(formatted(second)).toEqual([
      'lessons/demo/quiz.yaml:8:7 ERR_QUIZ a single-choice question needs exactly one option with "correct: true" (it has 2)',
      'lessons/demo/quiz.yaml:11:9 ERR_QUIZ two questions have the id "one"',
      'lessons/demo/quiz.yaml:16:9 ERR_QUIZ this option repeats option 1',
      'lessons/demo/quiz.yaml:18:5 ERR_QUIZ a true-false question needs "answer: true" or "answer: false"',
    ]);
  });
});
