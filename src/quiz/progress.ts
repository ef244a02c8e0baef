import { z } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import {
  canonicalJson,
  compareText,
  countSchema,
  defineRecord,
  earliest,
  jsonEqual,
  laterText,
  listOf,
  newestOr,
  partKey,
  recordOf,
  repaired,
} from '../progress/recordKit';
import type { QuizAttempt, QuizProgress } from './types';

/*
 * The quiz's progress record: its shape (from which stored data is recovered),
 * how two tabs' copies merge, and its actions. Registered in src/app/progressRecords.ts.
 */

/** Where a quiz's record lives in the progress: `quizKey('jwt-auth', 'check-your-understanding')`. */
export const quizKey = partKey;

/** A quiz's record as the quiz engine made it, and when it was last saved. */
export type SavedQuiz = QuizProgress & { updatedAt: string };

/**
 * Bounds on a quiz record, checked when stored data is read and when a file is imported,
 * so that crafted data cannot make the page do unbounded work: no quiz has more
 * questions or a question more options, and the engine keeps only the latest attempts.
 * Lists of ids and of option indexes must not repeat an item.
 */
export const QUIZ_RECORD_LIMITS = {
  questionsPerQuiz: 100,
  optionsPerQuestion: 26,
  /** The finished attempts kept (the engine's `QUIZ_HISTORY_LIMIT`). */
  attemptsKept: 20,
} as const;

const { questionsPerQuiz, optionsPerQuestion, attemptsKept } = QUIZ_RECORD_LIMITS;
// Option indexes: a list with anything else in it is not trusted at all; repeats are left out.
const indexList = listOf(countSchema.check(z.maximum(optionsPerQuestion - 1)), {
  max: optionsPerQuestion,
  unique: true,
  whole: true,
});
const idList = listOf(z.string(), { max: questionsPerQuiz, unique: true });
const perQuestion = <T extends $ZodType>(value: T) => recordOf(value, questionsPerQuiz, 'questions');

/**
 * An attempt without its identity (id, seed, scope, start) cannot be shown
 * again, so it is left out; its lists and maps keep only well-formed items.
 */
const attemptSchema: $ZodType<QuizAttempt> = repaired(
  z.object({
    id: z.string(),
    seed: z.number(),
    scope: z.enum(['all', 'missed']),
    basedOn: z.optional(z.string()),
    startedAt: z.string(),
    finishedAt: z.optional(z.string()),
    questionIds: idList,
    optionOrder: perQuestion(indexList),
    answers: perQuestion(indexList),
    checked: idList,
    // Without every part of it, a score is left out.
    score: z.optional(
      z.object({ correct: countSchema, total: countSchema, percent: countSchema, passed: z.boolean() }),
    ),
  }),
  { defaults: { questionIds: [], checked: [] } },
);

export const quizSchema: $ZodType<SavedQuiz> = repaired(
  z.object({
    view: z.enum(['one', 'all']),
    current: z.optional(attemptSchema),
    // The latest finished attempts, as many as the quiz engine keeps.
    history: listOf(attemptSchema, { max: attemptsKept, keep: 'last', noun: 'attempts' }),
    passedAt: z.optional(z.string()),
    updatedAt: z.string(),
  }),
  { defaults: { view: 'one', history: [], updatedAt: '' } },
);

export interface QuizActions {
  /** Keeps a quiz's record as the quiz engine made it. */
  saveQuizProgress: (key: string, progress: QuizProgress, now?: Date) => void;
  resetQuiz: (key: string, now?: Date) => void;
}

declare module '../progress/records' {
  interface ProgressRecordTypes {
    /** Quizzes, by `quizKey(lessonId, quizId)`. */
    quizzes: SavedQuiz;
  }
  interface ResettableRecordTypes {
    quizzes: true;
  }
  interface GradedPartKinds {
    /** A lesson's quiz: passed when a finished attempt first reached its pass mark. */
    quiz: 'quizzes';
  }
  interface ProgressActions extends QuizActions {}
}

/** Quizzes, by `quizKey(lessonId, quizId)`: the newer copy wins, or `mergeQuiz` of two made together. */
export const quizRecord = defineRecord({
  kind: 'quizzes',
  schema: quizSchema,
  merge: newestOr(mergeQuiz),
  resettable: true,
  gradedPart: { kind: 'quiz', passedAt: (quiz) => quiz.passedAt },
  actions: (quizzes): QuizActions => ({
    saveQuizProgress: (key, progress, now = new Date()) =>
      quizzes.update(key, now, (_saved, stamp) => {
        const { updatedAt: _old, ...quiz } = progress as QuizProgress & { updatedAt?: string };
        return { ...quiz, updatedAt: stamp() };
      }),
    resetQuiz: (key, now = new Date()) => quizzes.forget(key, now),
  }),
});

/**
 * Finished attempts are united by id (the further-along copy of the same
 * attempt wins) in the order they finished; the attempt in progress is the
 * later started one that is not finished on either side; the view follows
 * the record with the latest activity; the first pass is the earliest.
 */
export function mergeQuiz(own: SavedQuiz, their: SavedQuiz): SavedQuiz {
  const history = mergeHistory(own.history, their.history);
  const finished = new Set(history.map((attempt) => attempt.id));
  const inProgress = [own.current, their.current].filter(
    (attempt): attempt is QuizAttempt => attempt !== undefined && !finished.has(attempt.id),
  );
  const current = inProgress.reduce<QuizAttempt | undefined>((best, attempt) => furtherAlong(best, attempt), undefined);
  const ownActivity = quizActivity(own);
  const theirActivity = quizActivity(their);
  const view =
    ownActivity === theirActivity
      ? (own.view > their.view ? own : their).view
      : (ownActivity > theirActivity ? own : their).view;
  const merged: SavedQuiz = { view, history, updatedAt: laterText(own.updatedAt, their.updatedAt) };
  if (current) merged.current = current;
  const passedAt = earliest(own.passedAt, their.passedAt);
  if (passedAt !== undefined) merged.passedAt = passedAt;
  return merged;
}

function mergeHistory(own: QuizAttempt[], their: QuizAttempt[]): QuizAttempt[] {
  const byId = new Map<string, QuizAttempt>();
  for (const attempt of own) byId.set(attempt.id, furtherAlong(byId.get(attempt.id), attempt) ?? attempt);
  let contributed = false;
  for (const attempt of their) {
    const known = byId.get(attempt.id);
    const kept = furtherAlong(known, attempt) ?? attempt;
    if (known === undefined || (kept !== known && !jsonEqual(kept, known))) contributed = true;
    byId.set(attempt.id, kept);
  }
  // Nothing new: keep this tab's list as it is (and its order).
  if (!contributed) return own;
  return [...byId.values()].sort(
    (a, b) =>
      compareText(a.finishedAt ?? a.startedAt, b.finishedAt ?? b.startedAt) ||
      compareText(a.startedAt, b.startedAt) ||
      compareText(a.id, b.id),
  );
}

/** Of two attempts, the later started; of two copies of one attempt, the one further along. */
function furtherAlong(a: QuizAttempt | undefined, b: QuizAttempt | undefined): QuizAttempt | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const order =
    compareText(a.startedAt, b.startedAt) ||
    compareText(a.finishedAt ?? '', b.finishedAt ?? '') ||
    a.checked.length - b.checked.length ||
    Object.keys(a.answers).length - Object.keys(b.answers).length ||
    compareText(canonicalJson(a), canonicalJson(b));
  return order >= 0 ? a : b;
}

/** The latest time anything happened in a quiz's record (an attempt started or finished). */
function quizActivity(quiz: SavedQuiz): string {
  let latest = '';
  for (const attempt of quiz.current ? [quiz.current, ...quiz.history] : quiz.history) {
    if (attempt.startedAt > latest) latest = attempt.startedAt;
    if (attempt.finishedAt !== undefined && attempt.finishedAt > latest) latest = attempt.finishedAt;
  }
  return latest;
}
