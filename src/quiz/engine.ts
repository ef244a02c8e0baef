/**
 * The quiz engine: plain functions over the plain-JSON records of `types.ts`, no React,
 * no DOM. Time and randomness come in as arguments (a `Date`, a seed), so a test can freeze
 * both and a saved attempt replays in the same order after a reload.
 *
 * Every function returns new objects and never mutates its arguments; an operation that
 * changes nothing returns its input unchanged (the same object), so a caller can skip the
 * save: double clicks and double submits are harmless.
 */
import { type RandomSource, seededRandom } from '../lib/random';
import { QUIZ_RECORD_LIMITS } from './progress';
import type { Quiz, QuizAttempt, QuizProgress, QuizQuestion, QuizScore } from './types';

/** How many finished attempts a quiz's record keeps (the oldest are dropped). */
export const QUIZ_HISTORY_LIMIT = QUIZ_RECORD_LIMITS.attemptsKept;

export const QUIZ_ERROR_CODES = [
  'ERR_QUIZ_NOTHING_MISSED', // a "missed only" retry of an attempt that missed nothing
  'ERR_QUIZ_BASE_REQUIRED', // a "missed only" retry without the attempt it retries
  'ERR_QUIZ_WRONG_BASE', // grading against an attempt that is not the one this attempt retries
  'ERR_QUIZ_UNKNOWN_QUESTION', // a question id that is not in the quiz or not in the attempt
  'ERR_QUIZ_UNKNOWN_OPTION', // an option index the question does not have
  'ERR_QUIZ_NO_ANSWER', // checking a question with nothing selected
  'ERR_QUIZ_UNCHECKED', // finishing while some questions are not checked yet
  'ERR_QUIZ_NOT_FINISHED', // recording an attempt that has no score yet
] as const;

export type QuizErrorCode = (typeof QUIZ_ERROR_CODES)[number];

/** A caller broke the contract of the engine (a programming error, not a learner's answer). */
export class QuizError extends Error {
  override readonly name = 'QuizError';
  readonly code: QuizErrorCode;
  readonly quizId: string | undefined;
  readonly questionId: string | undefined;
  constructor(code: QuizErrorCode, message: string, fields: { quizId?: string; questionId?: string } = {}) {
    super(message);
    this.code = code;
    this.quizId = fields.quizId;
    this.questionId = fields.questionId;
  }
}

/** A quiz's record before the learner has done anything with it. */
export const EMPTY_QUIZ_PROGRESS: QuizProgress = Object.freeze({ view: 'one', history: [] });

// ---------- Shuffling ----------

/** Fisher–Yates with the given source: every order equally likely. Returns a new array. */
export function shuffleWith<T>(items: readonly T[], random: RandomSource): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = random.int(index + 1);
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

/**
 * A reproducible shuffle: the same seed always gives the same order. Does not mutate `items`.
 *
 * @example seededShuffle(['a', 'b', 'c'], 42) // the same permutation every time
 */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  return shuffleWith(items, seededRandom(seed));
}

/**
 * The seed of one question's option shuffle, mixed from the attempt's seed and the question's
 * id (FNV-1a), so a question's option order does not depend on which other questions the
 * attempt holds or in what order.
 */
function optionSeed(seed: number, questionId: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < questionId.length; index++) {
    hash ^= questionId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

// ---------- Attempts ----------

export interface StartAttemptOptions {
  /** Seeds the question and option shuffles (recorded in the attempt). */
  seed: number;
  now: Date;
  /** `'missed'` retries only the questions `basedOn` got wrong. Default `'all'`. */
  scope?: 'all' | 'missed';
  /** The attempt a `'missed'` retry is based on. */
  basedOn?: QuizAttempt;
  /** Default: derived from the quiz id, the time and the seed. */
  id?: string;
}

/**
 * A new attempt: its questions (all, or the ones `basedOn` missed), in content order or
 * shuffled, each question's options in content order or shuffled (true-false never is),
 * nothing answered yet.
 *
 * @throws QuizError `ERR_QUIZ_BASE_REQUIRED` for a `'missed'` scope without `basedOn`,
 *   `ERR_QUIZ_NOTHING_MISSED` if `basedOn` missed no question.
 */
export function startAttempt(quiz: Quiz, options: StartAttemptOptions): QuizAttempt {
  const { seed, now, scope = 'all', basedOn } = options;
  let questions: QuizQuestion[] = quiz.questions;
  if (scope === 'missed') {
    if (!basedOn) {
      throw new QuizError('ERR_QUIZ_BASE_REQUIRED', 'A "missed only" retry needs the attempt it retries.', {
        quizId: quiz.id,
      });
    }
    const missed = new Set(missedQuestionIds(quiz, basedOn));
    questions = quiz.questions.filter((question) => missed.has(question.id));
    if (questions.length === 0) {
      throw new QuizError('ERR_QUIZ_NOTHING_MISSED', `Attempt "${basedOn.id}" missed no question to retry.`, {
        quizId: quiz.id,
      });
    }
  }
  const ids = questions.map((question) => question.id);
  const optionOrder: Record<string, number[]> = {};
  for (const question of questions) {
    const indexes = question.options.map((_, index) => index);
    optionOrder[question.id] =
      quiz.shuffleOptions && question.type !== 'true-false'
        ? seededShuffle(indexes, optionSeed(seed, question.id))
        : indexes;
  }
  const attempt: QuizAttempt = {
    id: options.id ?? `${quiz.id}-${now.getTime().toString(36)}-${(seed >>> 0).toString(36)}`,
    seed,
    scope,
    startedAt: now.toISOString(),
    questionIds: quiz.shuffleQuestions ? seededShuffle(ids, seed) : ids,
    optionOrder,
    answers: {},
    checked: [],
  };
  if (scope === 'missed' && basedOn) attempt.basedOn = basedOn.id;
  return attempt;
}

/** One question of an attempt as it is shown: the question, and its option indexes in the order shown. */
export interface ShownQuestion {
  question: QuizQuestion;
  optionOrder: number[];
}

/**
 * The attempt's questions in the order shown. Robust to a quiz edited since the attempt was
 * saved: questions gone from the quiz are left out, and an option order that no longer fits
 * the question keeps the indexes that still exist and appends the new ones.
 */
export function shownQuestions(quiz: Quiz, attempt: QuizAttempt): ShownQuestion[] {
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const shown: ShownQuestion[] = [];
  // Linear in what was saved, however long or repetitive (saved data may be crafted): each
  // question is shown once, and each option once, and never more than the quiz has.
  const seen = new Set<string>();
  for (const id of attempt.questionIds) {
    if (shown.length === quiz.questions.length) break;
    const question = byId.get(id);
    if (!question || seen.has(id)) continue;
    seen.add(id);
    const count = question.options.length;
    const order = new Set<number>();
    for (const index of attempt.optionOrder[id] ?? []) {
      if (order.size === count) break;
      if (Number.isInteger(index) && index >= 0 && index < count) order.add(index);
    }
    for (let index = 0; index < count; index++) order.add(index);
    shown.push({ question, optionOrder: [...order] });
  }
  return shown;
}

/**
 * Saves the learner's selection for a question (option indexes in content order; kept sorted
 * and without repeats). A checked question is locked: selecting on it, or on a finished
 * attempt, returns the attempt unchanged rather than throwing, because a late click racing
 * the Check is not an error.
 *
 * @throws QuizError `ERR_QUIZ_UNKNOWN_QUESTION`, `ERR_QUIZ_UNKNOWN_OPTION`.
 */
export function selectAnswer(attempt: QuizAttempt, questionId: string, optionIndexes: readonly number[]): QuizAttempt {
  const order = attempt.questionIds.includes(questionId) ? attempt.optionOrder[questionId] : undefined;
  if (!order) {
    throw new QuizError('ERR_QUIZ_UNKNOWN_QUESTION', `Question "${questionId}" is not in attempt "${attempt.id}".`, {
      questionId,
    });
  }
  if (attempt.finishedAt || attempt.checked.includes(questionId)) return attempt;
  const unknown = optionIndexes.find((index) => !order.includes(index));
  if (unknown !== undefined) {
    throw new QuizError('ERR_QUIZ_UNKNOWN_OPTION', `Question "${questionId}" has no option ${unknown}.`, {
      questionId,
    });
  }
  const selected = [...new Set(optionIndexes)].sort((a, b) => a - b);
  const previous = attempt.answers[questionId];
  if (previous && sameIndexes(previous, selected)) return attempt;
  return { ...attempt, answers: { ...attempt.answers, [questionId]: selected } };
}

/**
 * Checks a question's answer: the question joins `checked` and is locked from then on.
 * Idempotent: checking a checked question returns the attempt unchanged.
 *
 * @throws QuizError `ERR_QUIZ_UNKNOWN_QUESTION`, `ERR_QUIZ_NO_ANSWER` (nothing selected).
 */
export function checkAnswer(quiz: Quiz, attempt: QuizAttempt, questionId: string): QuizAttempt {
  if (attempt.checked.includes(questionId)) return attempt;
  if (!attempt.questionIds.includes(questionId) || !quiz.questions.some((question) => question.id === questionId)) {
    throw new QuizError('ERR_QUIZ_UNKNOWN_QUESTION', `Question "${questionId}" is not in attempt "${attempt.id}".`, {
      quizId: quiz.id,
      questionId,
    });
  }
  if ((attempt.answers[questionId] ?? []).length === 0) {
    throw new QuizError('ERR_QUIZ_NO_ANSWER', `Question "${questionId}" has no answer selected.`, {
      quizId: quiz.id,
      questionId,
    });
  }
  return { ...attempt, checked: [...attempt.checked, questionId] };
}

/**
 * Whether a selection (option indexes in content order) answers the question: for `single`
 * and `true-false` exactly one option, a correct one; for `multiple` exactly the set of
 * correct options.
 */
export function isAnswerCorrect(question: QuizQuestion, selected: readonly number[]): boolean {
  const chosen = [...new Set(selected)].sort((a, b) => a - b);
  const correct = question.options.flatMap((option, index) => (option.correct ? [index] : []));
  if (question.type === 'multiple') return sameIndexes(chosen, correct);
  const [only] = chosen;
  return chosen.length === 1 && only !== undefined && correct.includes(only);
}

/**
 * The questions an attempt got wrong (or left unanswered), in content order. For an `'all'`
 * attempt that is over the whole quiz; for a `'missed'` retry only over its own questions,
 * since every question outside it was right in the attempts it retries.
 */
export function missedQuestionIds(quiz: Quiz, attempt: QuizAttempt): string[] {
  const inAttempt = new Set(attempt.questionIds);
  return quiz.questions
    .filter((question) => attempt.scope === 'all' || inAttempt.has(question.id))
    .filter((question) => !isAnswerCorrect(question, attempt.answers[question.id] ?? []))
    .map((question) => question.id);
}

/**
 * The score over all the quiz's questions. A `'missed'` retry also counts the questions its
 * base attempt got right (by the rule of {@link missedQuestionIds}, which follows a chain of
 * retries), so retrying the missed ones can bring the quiz to a pass. Without its base, a
 * retry counts only its own right answers: it cannot claim what it cannot show.
 *
 * @example gradeAttempt(quiz, attempt) // { correct: 8, total: 10, percent: 80, passed: true }
 * @throws QuizError `ERR_QUIZ_WRONG_BASE` if `basedOn` is not the attempt this one retries.
 */
export function gradeAttempt(quiz: Quiz, attempt: QuizAttempt, basedOn?: QuizAttempt): QuizScore {
  if (basedOn && attempt.basedOn !== basedOn.id) {
    throw new QuizError(
      'ERR_QUIZ_WRONG_BASE',
      `Attempt "${attempt.id}" is not based on attempt "${basedOn.id}" (it is based on ${attempt.basedOn ?? 'none'}).`,
      { quizId: quiz.id },
    );
  }
  const inAttempt = new Set(attempt.questionIds);
  const missedBefore = new Set(basedOn ? missedQuestionIds(quiz, basedOn) : []);
  const carried = (id: string) => attempt.scope === 'missed' && basedOn !== undefined && !missedBefore.has(id);
  let correct = 0;
  for (const question of quiz.questions) {
    const right = inAttempt.has(question.id)
      ? isAnswerCorrect(question, attempt.answers[question.id] ?? [])
      : carried(question.id);
    if (right) correct++;
  }
  const total = quiz.questions.length;
  const percent = total === 0 ? 0 : Math.floor((100 * correct) / total);
  return { correct, total, percent, passed: total > 0 && percent >= quiz.passPercent };
}

/**
 * The attempt, finished: `finishedAt` and its score. Finishing a finished attempt returns it unchanged.
 *
 * @throws QuizError `ERR_QUIZ_UNCHECKED` while a question is not checked; as {@link gradeAttempt}.
 */
export function finishAttempt(quiz: Quiz, attempt: QuizAttempt, now: Date, basedOn?: QuizAttempt): QuizAttempt {
  if (attempt.finishedAt && attempt.score) return attempt;
  const unchecked = shownQuestions(quiz, attempt).find(({ question }) => !attempt.checked.includes(question.id));
  if (unchecked) {
    throw new QuizError('ERR_QUIZ_UNCHECKED', `Question "${unchecked.question.id}" is not checked yet.`, {
      quizId: quiz.id,
      questionId: unchecked.question.id,
    });
  }
  return { ...attempt, finishedAt: now.toISOString(), score: gradeAttempt(quiz, attempt, basedOn) };
}

/**
 * The quiz's record with a finished attempt added: appended to the history (the last
 * {@link QUIZ_HISTORY_LIMIT} kept), no longer `current`, and `passedAt` set the first time an
 * attempt passes. Recording the same attempt twice returns the record unchanged. A `current`
 * attempt other than this one is kept (it is newer work).
 *
 * @throws QuizError `ERR_QUIZ_NOT_FINISHED` for an attempt without `finishedAt` and `score`.
 */
export function recordFinished(progress: QuizProgress, finished: QuizAttempt, now: Date): QuizProgress {
  if (!finished.finishedAt || !finished.score) {
    throw new QuizError('ERR_QUIZ_NOT_FINISHED', `Attempt "${finished.id}" is not finished.`);
  }
  const recorded = progress.history.some((attempt) => attempt.id === finished.id);
  const isCurrent = progress.current?.id === finished.id;
  if (recorded && !isCurrent) return progress;
  const { current, ...rest } = progress;
  const next: QuizProgress = {
    ...rest,
    history: recorded ? progress.history : [...progress.history, finished].slice(-QUIZ_HISTORY_LIMIT),
  };
  if (current && !isCurrent) next.current = current;
  if (!next.passedAt && finished.score.passed) next.passedAt = now.toISOString();
  return next;
}

/** The best score in a history (highest percent; the earliest of equals), if any attempt has one. */
export function bestScore(history: readonly QuizAttempt[]): QuizScore | undefined {
  let best: QuizScore | undefined;
  for (const { score } of history) {
    if (score && (!best || score.percent > best.percent)) best = score;
  }
  return best;
}

/** Whether the quiz has ever been passed (passing is for good: a later lower score does not undo it). */
export function quizPassed(progress: QuizProgress | undefined): boolean {
  return progress?.passedAt !== undefined;
}

/** The finished attempt a `'missed'` retry is based on, looked up in the record's history. */
export function baseAttempt(progress: QuizProgress | undefined, attempt: QuizAttempt): QuizAttempt | undefined {
  if (attempt.scope !== 'missed' || !attempt.basedOn) return undefined;
  return progress?.history.find((candidate) => candidate.id === attempt.basedOn);
}

function sameIndexes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
