import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baseAttempt,
  bestScore,
  checkAnswer,
  EMPTY_QUIZ_PROGRESS,
  finishAttempt,
  gradeAttempt,
  isAnswerCorrect,
  missedQuestionIds,
  QUIZ_ERROR_CODES,
  QUIZ_HISTORY_LIMIT,
  QuizError,
  quizPassed,
  recordFinished,
  seededShuffle,
  selectAnswer,
  shownQuestions,
  startAttempt,
} from './engine';
import { questionOf, rightAnswer, TEST_QUIZ, wrongAnswer } from './testQuiz';
import type { Quiz, QuizAttempt, QuizProgress, QuizQuestion } from './types';

const NOW = new Date('2030-01-02T03:04:05.000Z');
const LATER = new Date('2030-01-02T03:10:00.000Z');
const quiz = TEST_QUIZ;

/** Answers (and checks) every question of the attempt: right, except the ids in `wrong`. */
function answerAll(attempt: QuizAttempt, wrong: readonly string[] = []): QuizAttempt {
  let next = attempt;
  for (const id of attempt.questionIds) {
    const question = questionOf(quiz, id);
    next = selectAnswer(next, id, wrong.includes(id) ? wrongAnswer(question) : rightAnswer(question));
    next = checkAnswer(quiz, next, id);
  }
  return next;
}

function finished(wrong: readonly string[], seed = 1, now = NOW): QuizAttempt {
  return finishAttempt(quiz, answerAll(startAttempt(quiz, { seed, now, id: `a-${seed}` }), wrong), now);
}

/** A quiz of `count` single-choice questions whose first option is right. */
function bigQuiz(count: number, passPercent = 80): Quiz {
  return {
    id: 'big',
    title: 'Big',
    passPercent,
    shuffleOptions: false,
    shuffleQuestions: false,
    questions: Array.from({ length: count }, (_, index) => ({
      id: `q${index}`,
      type: 'single' as const,
      promptHtml: `Question ${index}`,
      options: [
        { html: 'right', correct: true },
        { html: 'wrong', correct: false },
      ],
      explanationHtml: '',
    })),
  };
}

function withCorrectCount(big: Quiz, correct: number): QuizAttempt {
  let attempt = startAttempt(big, { seed: 0, now: NOW });
  big.questions.forEach((question, index) => {
    attempt = selectAnswer(attempt, question.id, [index < correct ? 0 : 1]);
    attempt = checkAnswer(big, attempt, question.id);
  });
  return attempt;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function expectQuizError(action: () => unknown, code: QuizError['code']) {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(QuizError);
    expect((error as QuizError).code).toBe(code);
    return error as QuizError;
  }
  throw new Error(`expected a QuizError ${code}, nothing was thrown`);
}

describe('seededShuffle', () => {
  const items = Array.from({ length: 12 }, (_, index) => index);

  it('gives the same order for the same seed', () => {
    expect(seededShuffle(items, 42)).toEqual(seededShuffle(items, 42));
  });

  it('is a permutation and does not mutate its input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (values, seed) => {
        const copy = [...values];
        const shuffled = seededShuffle(values, seed);
        expect(values).toEqual(copy);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b));
      }),
    );
  });

  it('differs across seeds', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => seededShuffle(items, seed).join(',')));
    expect(orders.size).toBeGreaterThan(15);
    expect(seededShuffle(items, 1)).not.toEqual(seededShuffle(items, 2));
  });

  it('puts every item everywhere over many seeds (no stuck position)', () => {
    const seen = items.map(() => new Set<number>());
    for (let seed = 0; seed < 400; seed++) {
      seededShuffle(items, seed).forEach((item, position) => {
        seen[position]?.add(item);
      });
    }
    for (const positions of seen) expect(positions.size).toBe(items.length);
  });

  it('handles the empty list and a single item', () => {
    expect(seededShuffle([], 3)).toEqual([]);
    expect(seededShuffle(['only'], 3)).toEqual(['only']);
  });
});

describe('startAttempt', () => {
  it('records the seed and shuffles questions and options reproducibly', () => {
    const first = startAttempt(quiz, { seed: 7, now: NOW });
    expect(startAttempt(quiz, { seed: 7, now: NOW })).toEqual(first);
    expect(first).toMatchObject({
      seed: 7,
      scope: 'all',
      startedAt: NOW.toISOString(),
      answers: {},
      checked: [],
    });
    expect(first.basedOn).toBeUndefined();
    expect([...first.questionIds].sort()).toEqual(quiz.questions.map((question) => question.id).sort());
    for (const question of quiz.questions) {
      expect([...(first.optionOrder[question.id] ?? [])].sort()).toEqual(question.options.map((_, index) => index));
    }
    const orders = new Set(
      Array.from({ length: 10 }, (_, seed) => startAttempt(quiz, { seed, now: NOW }).questionIds.join()),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('never shuffles true-false options', () => {
    for (let seed = 0; seed < 30; seed++) {
      expect(startAttempt(quiz, { seed, now: NOW }).optionOrder.encrypted).toEqual([0, 1]);
    }
  });

  it('keeps content order when shuffling is off', () => {
    const plain = { ...quiz, shuffleOptions: false, shuffleQuestions: false };
    const attempt = startAttempt(plain, { seed: 99, now: NOW, id: 'fixed' });
    expect(attempt.id).toBe('fixed');
    expect(attempt.questionIds).toEqual(['alg', 'claims', 'encrypted', 'header', 'expired']);
    expect(attempt.optionOrder.alg).toEqual([0, 1, 2, 3]);
  });

  it('shuffles options per question independently of the other questions', () => {
    const all = startAttempt(quiz, { seed: 5, now: NOW });
    const missed = startAttempt(quiz, { seed: 5, now: NOW, scope: 'missed', basedOn: finished(['alg']) });
    expect(missed.optionOrder.alg).toEqual(all.optionOrder.alg);
  });

  it('retries only the missed questions, based on the earlier attempt', () => {
    const base = finished(['claims', 'expired']);
    const retry = startAttempt(quiz, { seed: 3, now: LATER, scope: 'missed', basedOn: base });
    expect(retry.scope).toBe('missed');
    expect(retry.basedOn).toBe(base.id);
    expect([...retry.questionIds].sort()).toEqual(['claims', 'expired']);
    expect(Object.keys(retry.optionOrder).sort()).toEqual(['claims', 'expired']);
  });

  it('refuses a missed-only retry when nothing was missed, or without its base', () => {
    const error = expectQuizError(
      () => startAttempt(quiz, { seed: 1, now: NOW, scope: 'missed', basedOn: finished([]) }),
      'ERR_QUIZ_NOTHING_MISSED',
    );
    expect(error.quizId).toBe(quiz.id);
    expectQuizError(() => startAttempt(quiz, { seed: 1, now: NOW, scope: 'missed' }), 'ERR_QUIZ_BASE_REQUIRED');
  });
});

describe('isAnswerCorrect', () => {
  const single = questionOf(quiz, 'alg');
  const multiple = questionOf(quiz, 'claims');
  const trueFalse = questionOf(quiz, 'encrypted');

  it('single choice: exactly the correct index', () => {
    expect(isAnswerCorrect(single, [0])).toBe(true);
    expect(isAnswerCorrect(single, [1])).toBe(false);
    expect(isAnswerCorrect(single, [0, 1])).toBe(false);
    expect(isAnswerCorrect(single, [])).toBe(false);
    expect(isAnswerCorrect(single, [0, 0])).toBe(true);
  });

  it('multiple choice: exactly the set of correct indexes, in any order', () => {
    expect(isAnswerCorrect(multiple, [0, 2])).toBe(true);
    expect(isAnswerCorrect(multiple, [2, 0])).toBe(true);
    expect(isAnswerCorrect(multiple, [0])).toBe(false);
    expect(isAnswerCorrect(multiple, [0, 1, 2])).toBe(false);
    expect(isAnswerCorrect(multiple, [0, 1, 2, 3])).toBe(false);
    expect(isAnswerCorrect(multiple, [])).toBe(false);
  });

  it('true-false: the one correct index', () => {
    expect(isAnswerCorrect(trueFalse, [1])).toBe(true);
    expect(isAnswerCorrect(trueFalse, [0])).toBe(false);
  });
});

describe('selectAnswer and checkAnswer', () => {
  const start = () => startAttempt(quiz, { seed: 11, now: NOW });

  it('saves a sorted, de-duplicated selection and replaces the previous one', () => {
    let attempt = selectAnswer(start(), 'claims', [2, 0, 2]);
    expect(attempt.answers.claims).toEqual([0, 2]);
    attempt = selectAnswer(attempt, 'claims', [1]);
    expect(attempt.answers.claims).toEqual([1]);
    expect(selectAnswer(attempt, 'claims', [1])).toBe(attempt);
  });

  it('rejects unknown questions and options with codes', () => {
    expect(expectQuizError(() => selectAnswer(start(), 'nope', [0]), 'ERR_QUIZ_UNKNOWN_QUESTION').questionId).toBe(
      'nope',
    );
    expectQuizError(() => selectAnswer(start(), 'alg', [4]), 'ERR_QUIZ_UNKNOWN_OPTION');
    expectQuizError(() => selectAnswer(start(), 'alg', [-1]), 'ERR_QUIZ_UNKNOWN_OPTION');
    expectQuizError(() => checkAnswer(quiz, start(), 'nope'), 'ERR_QUIZ_UNKNOWN_QUESTION');
  });

  it('refuses to check a question with nothing selected', () => {
    expectQuizError(() => checkAnswer(quiz, start(), 'alg'), 'ERR_QUIZ_NO_ANSWER');
    expectQuizError(() => checkAnswer(quiz, selectAnswer(start(), 'claims', []), 'claims'), 'ERR_QUIZ_NO_ANSWER');
  });

  it('checking twice changes nothing (double submits are harmless)', () => {
    const once = checkAnswer(quiz, selectAnswer(start(), 'alg', [1]), 'alg');
    expect(once.checked).toEqual(['alg']);
    const twice = checkAnswer(quiz, once, 'alg');
    expect(twice).toBe(once);
    expect(twice.checked).toEqual(['alg']);
  });

  it('locks a checked question: a late selection is ignored', () => {
    const checked = checkAnswer(quiz, selectAnswer(start(), 'alg', [1]), 'alg');
    expect(selectAnswer(checked, 'alg', [0])).toBe(checked);
  });

  it('never mutates its inputs', () => {
    const attempt = deepFreeze(start());
    const selected = deepFreeze(selectAnswer(attempt, 'alg', [0]));
    const checked = deepFreeze(checkAnswer(quiz, selected, 'alg'));
    expect(attempt.answers).toEqual({});
    expect(selected.checked).toEqual([]);
    expect(checked.checked).toEqual(['alg']);
    const done = deepFreeze(finishAttempt(quiz, answerAll(checked), NOW));
    const progress = deepFreeze<QuizProgress>({ view: 'one', current: done, history: [] });
    const recorded = recordFinished(progress, done, NOW);
    expect(progress.history).toEqual([]);
    expect(progress.current).toBe(done);
    expect(recorded.history).toEqual([done]);
  });
});

describe('gradeAttempt', () => {
  it('scores every question type', () => {
    expect(gradeAttempt(quiz, answerAll(startAttempt(quiz, { seed: 1, now: NOW })))).toEqual({
      correct: 5,
      total: 5,
      percent: 100,
      passed: true,
    });
    for (const wrong of ['alg', 'claims', 'encrypted']) {
      expect(gradeAttempt(quiz, answerAll(startAttempt(quiz, { seed: 1, now: NOW }), [wrong]))).toEqual({
        correct: 4,
        total: 5,
        percent: 80,
        passed: true,
      });
    }
  });

  it('counts unanswered questions as wrong', () => {
    expect(gradeAttempt(quiz, startAttempt(quiz, { seed: 1, now: NOW }))).toEqual({
      correct: 0,
      total: 5,
      percent: 0,
      passed: false,
    });
  });

  it('passes at the pass mark and not one percent below (79 vs 80)', () => {
    const big = bigQuiz(100);
    expect(gradeAttempt(big, withCorrectCount(big, 79))).toEqual({
      correct: 79,
      total: 100,
      percent: 79,
      passed: false,
    });
    expect(gradeAttempt(big, withCorrectCount(big, 80))).toMatchObject({ percent: 80, passed: true });
  });

  it('rounds the percent down', () => {
    const three = bigQuiz(3, 67);
    expect(gradeAttempt(three, withCorrectCount(three, 2))).toMatchObject({ percent: 66, passed: false });
    const seven = bigQuiz(7);
    expect(gradeAttempt(seven, withCorrectCount(seven, 6))).toMatchObject({ percent: 85, passed: true });
  });

  it('merges a missed-only retry with the right answers of its base', () => {
    const base = finished(['claims', 'expired']);
    expect(base.score).toMatchObject({ correct: 3, percent: 60, passed: false });
    const retry = answerAll(startAttempt(quiz, { seed: 2, now: LATER, scope: 'missed', basedOn: base }), ['expired']);
    expect(gradeAttempt(quiz, retry, base)).toEqual({ correct: 4, total: 5, percent: 80, passed: true });
    // Without its base, a retry cannot claim the earlier right answers.
    expect(gradeAttempt(quiz, retry)).toMatchObject({ correct: 1, percent: 20 });
  });

  it('follows a chain of missed-only retries', () => {
    const first = finished(['alg', 'claims', 'expired']);
    const second = finishAttempt(
      quiz,
      answerAll(startAttempt(quiz, { seed: 2, now: NOW, scope: 'missed', basedOn: first, id: 'second' }), [
        'claims',
        'expired',
      ]),
      NOW,
      first,
    );
    expect(second.score).toMatchObject({ correct: 3 });
    expect(missedQuestionIds(quiz, second)).toEqual(['claims', 'expired']);
    const third = answerAll(startAttempt(quiz, { seed: 3, now: NOW, scope: 'missed', basedOn: second }), ['expired']);
    expect(third.questionIds.sort()).toEqual(['claims', 'expired']);
    expect(gradeAttempt(quiz, third, second)).toMatchObject({ correct: 4, percent: 80, passed: true });
  });

  it('refuses a base that is not the one the retry is based on', () => {
    const base = finished(['claims']);
    const other = finished(['claims'], 2);
    const retry = answerAll(startAttempt(quiz, { seed: 2, now: NOW, scope: 'missed', basedOn: base }));
    expectQuizError(() => gradeAttempt(quiz, retry, other), 'ERR_QUIZ_WRONG_BASE');
  });
});

describe('missedQuestionIds', () => {
  it('lists wrong and unanswered questions in content order', () => {
    const attempt = answerAll(startAttempt(quiz, { seed: 4, now: NOW }), ['expired', 'alg']);
    expect(missedQuestionIds(quiz, attempt)).toEqual(['alg', 'expired']);
    expect(missedQuestionIds(quiz, startAttempt(quiz, { seed: 4, now: NOW }))).toEqual(
      quiz.questions.map((question) => question.id),
    );
  });
});

describe('finishAttempt', () => {
  it('adds finishedAt and the score, once', () => {
    const attempt = answerAll(startAttempt(quiz, { seed: 1, now: NOW }), ['alg']);
    const done = finishAttempt(quiz, attempt, LATER);
    expect(done.finishedAt).toBe(LATER.toISOString());
    expect(done.score).toEqual({ correct: 4, total: 5, percent: 80, passed: true });
    expect(finishAttempt(quiz, done, new Date('2031-01-01'))).toBe(done);
  });

  it('refuses while a question is not checked', () => {
    const attempt = selectAnswer(startAttempt(quiz, { seed: 1, now: NOW }), 'alg', [0]);
    const error = expectQuizError(() => finishAttempt(quiz, attempt, NOW), 'ERR_QUIZ_UNCHECKED');
    expect(error.questionId).toBeDefined();
  });
});

describe('recordFinished', () => {
  it('appends to the history, clears current and sets passedAt once', () => {
    const failed = finished(['alg', 'claims'], 1);
    let progress: QuizProgress = { view: 'all', current: failed, history: [] };
    progress = recordFinished(progress, failed, NOW);
    expect(progress).toEqual({ view: 'all', history: [failed] });
    expect(quizPassed(progress)).toBe(false);

    const passed = finished([], 2);
    progress = recordFinished({ ...progress, current: passed }, passed, LATER);
    expect(progress.passedAt).toBe(LATER.toISOString());
    expect(progress.current).toBeUndefined();
    expect(quizPassed(progress)).toBe(true);

    const againPassed = finished(['alg'], 3);
    const afterwards = recordFinished(progress, againPassed, new Date('2031-05-05'));
    expect(afterwards.passedAt).toBe(LATER.toISOString());
    expect(afterwards.history.map((attempt) => attempt.id)).toEqual(['a-1', 'a-2', 'a-3']);
  });

  it('records an attempt once however often it is submitted', () => {
    const done = finished([]);
    const once = recordFinished({ view: 'one', current: done, history: [] }, done, NOW);
    expect(recordFinished(once, done, LATER)).toBe(once);
    expect(once.history).toHaveLength(1);
  });

  it('keeps the last 20 attempts', () => {
    let progress: QuizProgress = EMPTY_QUIZ_PROGRESS;
    for (let seed = 1; seed <= 25; seed++) progress = recordFinished(progress, finished(['alg'], seed), NOW);
    expect(progress.history).toHaveLength(QUIZ_HISTORY_LIMIT);
    expect(progress.history[0]?.id).toBe('a-6');
    expect(progress.history.at(-1)?.id).toBe('a-25');
    expect(EMPTY_QUIZ_PROGRESS.history).toEqual([]);
  });

  it('keeps a newer current attempt', () => {
    const done = finished([]);
    const newer = startAttempt(quiz, { seed: 9, now: LATER, id: 'newer' });
    expect(recordFinished({ view: 'one', current: newer, history: [] }, done, NOW).current).toBe(newer);
  });

  it('refuses an unfinished attempt', () => {
    expectQuizError(
      () => recordFinished(EMPTY_QUIZ_PROGRESS, startAttempt(quiz, { seed: 1, now: NOW }), NOW),
      'ERR_QUIZ_NOT_FINISHED',
    );
  });
});

describe('bestScore, quizPassed, baseAttempt', () => {
  it('finds the best score', () => {
    expect(bestScore([])).toBeUndefined();
    const history = [finished(['alg', 'claims'], 1), finished(['alg'], 2), finished(['alg', 'claims', 'header'], 3)];
    expect(bestScore(history)).toMatchObject({ percent: 80 });
    expect(bestScore([startAttempt(quiz, { seed: 1, now: NOW })])).toBeUndefined();
  });

  it('says whether the quiz was ever passed', () => {
    expect(quizPassed(undefined)).toBe(false);
    expect(quizPassed({ view: 'one', history: [], passedAt: NOW.toISOString() })).toBe(true);
  });

  it('finds the base of a retry in the history', () => {
    const base = finished(['alg']);
    const retry = startAttempt(quiz, { seed: 1, now: NOW, scope: 'missed', basedOn: base });
    expect(baseAttempt({ view: 'one', history: [base] }, retry)).toBe(base);
    expect(baseAttempt({ view: 'one', history: [] }, retry)).toBeUndefined();
    expect(baseAttempt({ view: 'one', history: [base] }, base)).toBeUndefined();
  });
});

describe('shownQuestions', () => {
  it('follows the attempt and survives a quiz edited since it was saved', () => {
    const attempt = startAttempt(quiz, { seed: 8, now: NOW });
    expect(shownQuestions(quiz, attempt).map(({ question }) => question.id)).toEqual(attempt.questionIds);
    const alg = questionOf(quiz, 'alg');
    const edited: Quiz = {
      ...quiz,
      questions: [
        { ...alg, options: alg.options.slice(0, 2).concat({ html: 'new', correct: false }) } as QuizQuestion,
        ...quiz.questions.filter((question) => question.id !== 'alg' && question.id !== 'header'),
      ],
    };
    const shown = shownQuestions(edited, attempt);
    expect(shown.map(({ question }) => question.id)).toEqual(attempt.questionIds.filter((id) => id !== 'header'));
    const algOrder = shown.find(({ question }) => question.id === 'alg')?.optionOrder ?? [];
    expect([...algOrder].sort()).toEqual([0, 1, 2]);
  });

  it('shows each question and option once, whatever repeats a crafted record holds (20,000 of them)', () => {
    const attempt = startAttempt(quiz, { seed: 8, now: NOW });
    const [first = '', second = ''] = attempt.questionIds;
    const crafted = {
      ...attempt,
      questionIds: [...Array.from({ length: 20_000 }, () => first), second, ...attempt.questionIds],
      optionOrder: { ...attempt.optionOrder, [first]: [...Array.from({ length: 20_000 }, () => 1), 0, 99, -1] },
    };
    const shown = shownQuestions(quiz, crafted);
    expect(shown.map(({ question }) => question.id)).toEqual([
      first,
      second,
      ...attempt.questionIds.filter((id) => id !== first && id !== second),
    ]);
    const options = questionOf(quiz, first).options.length;
    expect(shown[0]?.optionOrder).toEqual([1, 0, ...Array.from({ length: options }, (_, i) => i).slice(2)]);
  });
});

describe('QuizError', () => {
  it('has a code from the declared list', () => {
    const error = new QuizError('ERR_QUIZ_NO_ANSWER', 'x', { questionId: 'q' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('QuizError');
    expect(QUIZ_ERROR_CODES).toContain(error.code);
  });
});
