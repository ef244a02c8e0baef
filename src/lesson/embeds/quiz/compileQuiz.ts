import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Quiz, QuizOption, QuizQuestion } from '../../../quiz/types.ts';
import { ContentError } from '../../build/errors.ts';
import { stableId } from '../../build/schemas.ts';
import { parseYamlData } from '../../build/yamlData.ts';

const markdown = z.string().trim().min(1);

const questionSchema = z.strictObject({
  id: stableId,
  type: z.enum(['single', 'multiple', 'true-false']),
  prompt: markdown,
  options: z
    .array(z.strictObject({ text: markdown, correct: z.boolean().optional(), why: markdown.optional() }))
    .optional(),
  /** For true-false questions: whether the statement is true. */
  answer: z.boolean().optional(),
  explanation: markdown,
});

export const quizSchema = z.strictObject({
  id: stableId,
  title: z.string().trim().min(1),
  pass: z.number().int().min(1).max(100).default(80),
  'shuffle-options': z.boolean().default(true),
  'shuffle-questions': z.boolean().default(false),
  questions: z.array(questionSchema).min(1),
});

export interface CompiledQuiz {
  quiz: Quiz | undefined;
  errors: ContentError[];
}

/**
 * Compiles a lesson's quiz YAML (see lessons/README.md) into page data, checking
 * what the schema cannot: unique question ids, the right number of correct
 * options for each type, no duplicate options. Every error has its line.
 */
export async function compileQuiz(options: {
  file: string;
  relative: (file: string) => string;
  markdownToHtml: (markdown: string) => Promise<string>;
}): Promise<CompiledQuiz> {
  const { file, relative, markdownToHtml } = options;
  const relFile = relative(file);
  const errors: ContentError[] = [];
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/\r\n?/g, '\n');
  } catch {
    return {
      quiz: undefined,
      errors: [new ContentError('ERR_MISSING_FILE', `No quiz file at ${relFile}`, { file: relFile })],
    };
  }
  const parsed = parseYamlData(quizSchema, { text, file: relFile, firstLine: 1, code: 'ERR_QUIZ' });
  errors.push(...parsed.errors);
  const data = parsed.data;
  if (!data) return { quiz: undefined, errors };
  const problem = (message: string, at: readonly PropertyKey[]) =>
    errors.push(new ContentError('ERR_QUIZ', message, parsed.locate(at)));

  const seen = new Set<string>();
  data.questions.forEach((question, index) => {
    const at = ['questions', index];
    if (seen.has(question.id)) problem(`two questions have the id "${question.id}"`, [...at, 'id']);
    seen.add(question.id);
    if (question.type === 'true-false') {
      if (question.answer === undefined) problem('a true-false question needs "answer: true" or "answer: false"', at);
      if (question.options)
        problem('a true-false question has no "options" (they are True and False)', [...at, 'options']);
      return;
    }
    if (question.answer !== undefined)
      problem('"answer:" is only for true-false questions; mark an option "correct: true"', [...at, 'answer']);
    const choices = question.options ?? [];
    if (choices.length < 2) problem('a question needs at least two options', [...at, 'options']);
    const correct = choices.filter((option) => option.correct).length;
    if (question.type === 'single' && correct !== 1) {
      problem(`a single-choice question needs exactly one option with "correct: true" (it has ${correct})`, [
        ...at,
        'options',
      ]);
    }
    if (question.type === 'multiple' && correct < 1)
      problem('a multiple-answer question needs at least one correct option', [...at, 'options']);
    const texts = choices.map((option) => option.text.trim().toLowerCase());
    texts.forEach((option, optionIndex) => {
      if (texts.indexOf(option) !== optionIndex)
        problem(`this option repeats option ${texts.indexOf(option) + 1}`, [...at, 'options', optionIndex]);
    });
  });
  if (errors.length > 0) return { quiz: undefined, errors };

  const inline = async (source: string) => (await markdownToHtml(source)).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
  const questions: QuizQuestion[] = [];
  for (const question of data.questions) {
    const choices =
      question.type === 'true-false'
        ? [
            { text: 'True', correct: question.answer === true },
            { text: 'False', correct: question.answer === false },
          ]
        : (question.options ?? []);
    const compiledOptions: QuizOption[] = [];
    for (const option of choices) {
      compiledOptions.push({
        html: await inline(option.text),
        correct: option.correct === true,
        ...('why' in option && option.why ? { whyHtml: await inline(option.why) } : {}),
      });
    }
    questions.push({
      id: question.id,
      type: question.type,
      promptHtml: await inline(question.prompt),
      options: compiledOptions,
      explanationHtml: await markdownToHtml(question.explanation),
    });
  }
  return {
    quiz: {
      id: data.id,
      title: data.title,
      passPercent: data.pass,
      shuffleOptions: data['shuffle-options'],
      shuffleQuestions: data['shuffle-questions'],
      questions,
    },
    errors,
  };
}
