// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import { describe, expect, it } from 'vitest';
import { createProgressStore, sanitizeProgress } from '../progress';
import { importProgress } from '../progress/importProgress';
import { mergeProgress } from '../progress/merge';
import { emptyProgress, type ProgressData } from '../progress/records';
import { sanitizeProgressReporting } from '../progress/sanitize';
import { progressDataSchema } from '../progress/schema';
import { fakeStorage } from '../progress/testing';
import { PROGRESS_VERSION } from '../progress/types';
import { QUIZ_HISTORY_LIMIT } from './engine';
import { QUIZ_RECORD_LIMITS, quizKey, type SavedQuiz } from './progress';
import { SAMPLE_QUIZ } from './testQuiz';
import type { QuizAttempt } from './types';

const NOW = new Date('2026-11-29T10:00:00Z');
const T = (minute: number) => `2026-11-29T10:${String(minute).padStart(2, '0')}:00.000Z`;
const progress = (data: Partial<ProgressData>): ProgressData => ({ ...emptyProgress(), ...data });

describe('quiz records', () => {
  const KEY = quizKey('jwt-auth', 'check-your-understanding');

  it('has keys made of the lesson and the quiz', () => {
    expect(KEY).toBe('jwt-auth/check-your-understanding');
  });

  it('saves a quiz record, reads it back after a reload, and forgets it on reset', () => {
    const storage = fakeStorage();
    const store = createProgressStore(() => storage);
    store.getState().saveQuizProgress(KEY, SAMPLE_QUIZ, NOW);
    store.getState().saveQuizProgress('jwt-auth/other', { view: 'one', history: [] }, NOW);
    const saved = { ...SAMPLE_QUIZ, updatedAt: NOW.toISOString() };
    expect(store.getState().quizzes[KEY]).toEqual(saved);
    const reloaded = createProgressStore(() => storage);
    expect(reloaded.getState().quizzes[KEY]).toEqual(saved);
    expect(reloaded.getState().storageNotice).toBeUndefined();
    store.getState().resetQuiz(KEY, NOW);
    expect(store.getState().quizzes).toEqual({
      'jwt-auth/other': { view: 'one', history: [], updatedAt: '2026-11-29T10:00:00.001Z' },
    });
    expect(createProgressStore(() => storage).getState().quizzes[KEY]).toBeUndefined();
  });

  it('keeps what is valid of a damaged quiz record', () => {
    const [finished] = SAMPLE_QUIZ.history;
    const damaged = {
      good: SAMPLE_QUIZ,
      odd: {
        view: 'sideways',
        history: [
          finished,
          { ...finished, id: 3 }, // no usable id: dropped
          { ...finished, id: 'b', questionIds: ['q1', 2], checked: 'q1', answers: { q1: [0], q2: ['x'], q3: [-1] } },
          'junk',
        ],
        current: { id: 'c' }, // not an attempt
        passedAt: 5,
        updatedAt: 't',
      },
      none: null,
      flat: { history: 'x' },
    };
    expect(sanitizeProgress({ quizzes: damaged }).quizzes).toEqual({
      good: SAMPLE_QUIZ,
      odd: {
        view: 'one',
        history: [finished, { ...finished, id: 'b', questionIds: ['q1'], checked: [], answers: { q1: [0] } }],
        updatedAt: 't',
      },
      flat: { view: 'one', history: [], updatedAt: '' },
    });
  });
});

describe('merging two copies of a quiz record', () => {
  it('unites quiz attempts by id, drops an attempt in progress that the other tab finished, keeps the first pass', () => {
    const [first] = SAMPLE_QUIZ.history as [QuizAttempt];
    const retry = SAMPLE_QUIZ.current as QuizAttempt;
    const retryFinished: QuizAttempt = {
      ...retry,
      finishedAt: T(8),
      checked: ['q2'],
      score: { correct: 2, total: 2, percent: 100, passed: true },
    };
    const mine: SavedQuiz = { ...SAMPLE_QUIZ, view: 'all', updatedAt: T(8) }; // retry still in progress here
    const theirs: SavedQuiz = { view: 'one', history: [first, retryFinished], passedAt: T(8), updatedAt: T(8) };
    expect(mergeProgress(progress({ quizzes: { q: mine } }), progress({ quizzes: { q: theirs } })).quizzes.q).toEqual({
      view: 'one', // the other tab's record has the latest activity
      history: [first, retryFinished],
      passedAt: T(8),
      updatedAt: T(8),
    });

    // Attempts only one side finished are both kept, in the order they finished.
    const other: QuizAttempt = { ...first, id: 'z', startedAt: T(30), finishedAt: T(31) };
    const merged = mergeProgress(
      progress({ quizzes: { q: { view: 'one', history: [other], updatedAt: T(31) } } }),
      progress({ quizzes: { q: { view: 'one', history: [first], updatedAt: T(31) } } }),
    );
    expect(merged.quizzes.q?.history.map((attempt) => attempt.id)).toEqual(['a1', 'z']);
  });

  it('keeps the later-started attempt in progress', () => {
    const retry = SAMPLE_QUIZ.current as QuizAttempt;
    const later: QuizAttempt = { ...retry, id: 'a3', startedAt: T(40) };
    const merged = mergeProgress(
      progress({ quizzes: { q: { ...SAMPLE_QUIZ, current: later } } }),
      progress({ quizzes: { q: SAMPLE_QUIZ } }),
    );
    expect(merged.quizzes.q?.current?.id).toBe('a3');
  });
});

describe('limits on stored and imported quiz records', () => {
  const [finished] = SAMPLE_QUIZ.history as [QuizAttempt];
  const withAttempt = (attempt: unknown, extra: Record<string, unknown> = {}) => ({
    ...emptyProgress(),
    quizzes: { q: { ...SAMPLE_QUIZ, history: [], current: attempt, ...extra } },
  });

  it('keeps each question id once, from 20,000 repeats (linear: a Set)', () => {
    const questionIds = Array.from({ length: 20_000 }, () => 'q1');
    const { data, problems } = sanitizeProgressReporting(
      withAttempt({ ...finished, questionIds, checked: questionIds }),
    );
    expect(data.quizzes.q?.current?.questionIds).toEqual(['q1']);
    expect(data.quizzes.q?.current?.checked).toEqual(['q1']);
    expect(problems).toContainEqual({ path: 'quizzes.q.current.questionIds', expected: 'no repeated items' });
    expect(progressDataSchema().safeParse(withAttempt({ ...finished, questionIds })).success).toBe(false);
  });

  it('keeps each option index once, and none beyond the options a question can have', () => {
    const repeated = [...Array.from({ length: 100_000 }, () => 1), 0];
    const { data, problems } = sanitizeProgressReporting(
      withAttempt({ ...finished, optionOrder: { q1: repeated }, answers: { q1: [0, 0] } }),
    );
    expect(data.quizzes.q?.current?.optionOrder).toEqual({ q1: [1, 0] });
    expect(data.quizzes.q?.current?.answers).toEqual({ q1: [0] });
    expect(problems.map((problem) => problem.path)).toContain('quizzes.q.current.optionOrder.q1');
    const tooHigh = withAttempt({ ...finished, answers: { q1: [QUIZ_RECORD_LIMITS.optionsPerQuestion] } });
    expect(sanitizeProgress(tooHigh).quizzes.q?.current?.answers).toEqual({});
    expect(progressDataSchema().safeParse(tooHigh).success).toBe(false);
  });

  it('keeps at most as many questions as a quiz can have, and the latest attempts the engine keeps', () => {
    const many = Array.from({ length: 500 }, (_, index) => `q${index}`);
    const manyAnswers = Object.fromEntries(many.map((id) => [id, [0]]));
    const history = Array.from({ length: 50 }, (_, index) => ({ ...finished, id: `a${index}` }));
    const crafted = withAttempt({ ...finished, questionIds: many, answers: manyAnswers }, { history });
    const { data } = sanitizeProgressReporting(crafted);
    expect(data.quizzes.q?.current?.questionIds).toHaveLength(QUIZ_RECORD_LIMITS.questionsPerQuiz);
    expect(Object.keys(data.quizzes.q?.current?.answers ?? {})).toHaveLength(QUIZ_RECORD_LIMITS.questionsPerQuiz);
    expect(data.quizzes.q?.history.map((attempt) => attempt.id)).toEqual(history.slice(-20).map((a) => a.id));
    expect(QUIZ_RECORD_LIMITS.attemptsKept).toBe(QUIZ_HISTORY_LIMIT);
    expect(progressDataSchema().safeParse(crafted).success).toBe(false);
    expect(progressDataSchema().safeParse(data).success).toBe(true);
  });

  it('refuses a crafted import with repeats, saying why', () => {
    const file = JSON.stringify({
      format: 'flask-course-progress',
      version: PROGRESS_VERSION,
      data: withAttempt({ ...finished, questionIds: Array.from({ length: 20_000 }, () => 'q1') }),
    });
    expect(importProgress(file)).toMatchObject({
      ok: false,
      code: 'ERR_IMPORT_INVALID',
      reason: expect.stringMatching(/^quizzes\.q\.current\.questionIds: expected at most 100 items/),
    });
  });
});
