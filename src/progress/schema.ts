import { type ZodType, z } from 'zod';
import { PROGRESS_LIMITS, type ProgressData, type SavedQuiz } from './types';

/**
 * The strict shape of `ProgressData`: an imported file must match it, and
 * stored data that does not is recovered from (see `sanitizeProgress`, which
 * keeps the valid parts and always produces data this schema accepts).
 */
const count = z.number().int().nonnegative();
const unique = (list: readonly unknown[]) => new Set(list).size === list.length;
const NO_REPEATS = { message: 'expected no repeated items' };
const { questionsPerQuiz, optionsPerQuestion, attemptsKept, codeChars, recordsPerKind } = PROGRESS_LIMITS;
const indexList = z
  .array(count.max(optionsPerQuestion - 1))
  .max(optionsPerQuestion)
  .refine(unique, NO_REPEATS);
const idList = z.array(z.string()).max(questionsPerQuiz).refine(unique, NO_REPEATS);
// zod leaves out a `__proto__` key (it would set the prototype), as `sanitizeProgress` does.
const recordOf = <T extends z.ZodType>(value: T, max: number = recordsPerKind, noun = 'entries') =>
  z.record(z.string(), value).refine((record) => Object.keys(record).length <= max, {
    message: `expected at most ${max} ${noun}`,
  });
const perQuestion = <T extends z.ZodType>(value: T) => recordOf(value, questionsPerQuiz, 'questions');
const code = z.string().max(codeChars);

const lessonSchema = z.object({
  firstVisitedAt: z.string(),
  completedAt: z.string().optional(),
  updatedAt: z.string(),
});
const exampleEditSchema = z.object({ code, updatedAt: z.string() });
const removedSchema = z.object({
  exampleEdits: recordOf(z.string()),
  exercises: recordOf(z.string()),
  quizzes: recordOf(z.string()),
});

const exerciseSchema = z.object({
  draft: z.object({ code, mode: z.enum(['blanks', 'free']), savedAt: z.string() }).optional(),
  attempts: count,
  hintsShown: count,
  solutionViewed: z.boolean(),
  passedAt: z.string().optional(),
  lastResult: z.object({ passed: z.boolean(), passedCount: count, totalCount: count, at: z.string() }).optional(),
  updatedAt: z.string(),
});

const attemptSchema = z.object({
  id: z.string(),
  seed: z.number(),
  scope: z.enum(['all', 'missed']),
  basedOn: z.string().optional(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  questionIds: idList,
  optionOrder: perQuestion(indexList),
  answers: perQuestion(indexList),
  checked: idList,
  score: z.object({ correct: count, total: count, percent: count, passed: z.boolean() }).optional(),
});

const quizSchema: ZodType<SavedQuiz> = z.object({
  view: z.enum(['one', 'all']),
  current: attemptSchema.optional(),
  history: z.array(attemptSchema).max(attemptsKept),
  passedAt: z.string().optional(),
  updatedAt: z.string(),
});

export const progressDataSchema: ZodType<ProgressData> = z.object({
  lessons: recordOf(lessonSchema),
  exampleEdits: recordOf(exampleEditSchema),
  exercises: recordOf(exerciseSchema),
  quizzes: recordOf(quizSchema),
  removed: removedSchema,
});

/**
 * The first problem of a failed parse, said plainly with where it is, e.g.
 * `exercises.jwt-auth/verify-token.attempts: expected a number` (and how many more).
 */
export function describeSchemaProblems(error: z.ZodError): { path: string; text: string } {
  const [first] = error.issues;
  if (!first) return { path: '', text: 'the data is not valid' };
  const path = first.path.map(String).join('.');
  const more = error.issues.length - 1;
  const text = `${path ? `${path}: ` : ''}${describeIssue(first)}${more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''}`;
  return { path, text };
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `expected at most ${String(issue.maximum)} items`
        : issue.origin === 'string'
          ? `expected at most ${Number(issue.maximum).toLocaleString('en-US')} characters`
          : `expected at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.message;
  }
}
