import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuizAttempt, QuizProgress } from '../quiz/types';
import { jsonEqual, mergeProgress } from './merge';
import { SAMPLE_QUIZ } from './testing';
import { type ExerciseProgress, emptyProgress, type ProgressData } from './types';

const progress = (data: Partial<ProgressData>): ProgressData => ({ ...emptyProgress(), ...data });
const T = (minute: number) => `2026-11-29T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe('mergeProgress', () => {
  it('unites both tabs: a record only one side has is always kept', () => {
    const mine = progress({
      lessons: { a: { firstVisitedAt: T(1) } },
      exampleEdits: { 'a/x': 'mine' },
      exercises: { 'a/e': { attempts: 1, hintsShown: 0, solutionViewed: false } },
    });
    const theirs = progress({
      lessons: { b: { firstVisitedAt: T(2) } },
      exampleEdits: { 'b/x': 'theirs' },
      quizzes: { 'b/q': SAMPLE_QUIZ },
    });
    expect(mergeProgress(mine, theirs)).toEqual({
      lessons: { a: { firstVisitedAt: T(1) }, b: { firstVisitedAt: T(2) } },
      exampleEdits: { 'a/x': 'mine', 'b/x': 'theirs' },
      exercises: mine.exercises,
      quizzes: theirs.quizzes,
    });
  });

  it("returns this tab's data itself when the other tab brings nothing new (even an empty one)", () => {
    const mine = progress({ lessons: { a: { firstVisitedAt: T(1) } }, quizzes: { q: SAMPLE_QUIZ } });
    expect(mergeProgress(mine, emptyProgress())).toBe(mine);
    expect(mergeProgress(mine, structuredClone(mine))).toBe(mine);
    const partly = mergeProgress(mine, progress({ exampleEdits: { e: 'x' } }));
    expect(partly.lessons).toBe(mine.lessons);
    expect(partly.quizzes).toBe(mine.quizzes);
  });

  it('keeps the earliest visit and completion of a lesson', () => {
    const mine = progress({ lessons: { a: { firstVisitedAt: T(5), completedAt: T(9) } } });
    const theirs = progress({ lessons: { a: { firstVisitedAt: T(3) } } });
    expect(mergeProgress(mine, theirs).lessons.a).toEqual({ firstVisitedAt: T(3), completedAt: T(9) });
  });

  it("takes the other tab's text for an example both edited (it was saved last)", () => {
    const merged = mergeProgress(progress({ exampleEdits: { e: 'old' } }), progress({ exampleEdits: { e: 'new' } }));
    expect(merged.exampleEdits).toEqual({ e: 'new' });
  });

  it('merges an exercise part by part: larger counters, newer draft and result, first pass', () => {
    const mine: ExerciseProgress = {
      attempts: 4,
      hintsShown: 1,
      solutionViewed: false,
      draft: { code: 'newer draft', mode: 'free', savedAt: T(20) },
      passedAt: T(12),
      lastResult: { passed: true, passedCount: 3, totalCount: 3, at: T(12) },
    };
    const theirs: ExerciseProgress = {
      attempts: 2,
      hintsShown: 3,
      solutionViewed: true,
      draft: { code: 'older draft', mode: 'blanks', savedAt: T(10) },
      passedAt: T(11),
      lastResult: { passed: false, passedCount: 1, totalCount: 3, at: T(15) },
    };
    expect(
      mergeProgress(progress({ exercises: { e: mine } }), progress({ exercises: { e: theirs } })).exercises.e,
    ).toEqual({
      attempts: 4,
      hintsShown: 3,
      solutionViewed: true,
      draft: mine.draft,
      passedAt: T(11),
      lastResult: theirs.lastResult,
    });
    // A draft only one side has is kept.
    const { draft: _none, ...withoutDraft } = mine;
    expect(
      mergeProgress(progress({ exercises: { e: withoutDraft } }), progress({ exercises: { e: theirs } })).exercises.e
        ?.draft,
    ).toEqual(theirs.draft);
  });

  it('unites quiz attempts by id, drops an attempt in progress that the other tab finished, keeps the first pass', () => {
    const [first] = SAMPLE_QUIZ.history as [QuizAttempt];
    const retry = SAMPLE_QUIZ.current as QuizAttempt;
    const retryFinished: QuizAttempt = {
      ...retry,
      finishedAt: T(8),
      checked: ['q2'],
      score: { correct: 2, total: 2, percent: 100, passed: true },
    };
    const mine: QuizProgress = { ...SAMPLE_QUIZ, view: 'all' }; // retry still in progress here
    const theirs: QuizProgress = { view: 'one', history: [first, retryFinished], passedAt: T(8) };
    expect(mergeProgress(progress({ quizzes: { q: mine } }), progress({ quizzes: { q: theirs } })).quizzes.q).toEqual({
      view: 'one', // the other tab's record has the latest activity
      history: [first, retryFinished],
      passedAt: T(8),
    });

    // Attempts only one side finished are both kept, in the order they finished.
    const other: QuizAttempt = { ...first, id: 'z', startedAt: T(30), finishedAt: T(31) };
    const merged = mergeProgress(
      progress({ quizzes: { q: { view: 'one', history: [other] } } }),
      progress({ quizzes: { q: { view: 'one', history: [first] } } }),
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

describe('mergeProgress properties', () => {
  const time = fc.integer({ min: 0, max: 5 }).map(T);
  const exercise = fc.record(
    {
      attempts: fc.nat(4),
      hintsShown: fc.nat(3),
      solutionViewed: fc.boolean(),
      draft: fc.record({ code: fc.constantFrom('a', 'b'), mode: fc.constantFrom('blanks', 'free'), savedAt: time }),
      passedAt: time,
      lastResult: fc.record({ passed: fc.boolean(), passedCount: fc.nat(3), totalCount: fc.nat(3), at: time }),
    },
    { requiredKeys: ['attempts', 'hintsShown', 'solutionViewed'] },
  ) as fc.Arbitrary<ExerciseProgress>;
  // As the quiz engine makes them: an attempt id has one start time, and finishes after it.
  const START = { a: 0, b: 1, c: 2, d: 3 } as const;
  const attempt = (id: keyof typeof START, finished: boolean) =>
    fc.record({
      id: fc.constant(id),
      seed: fc.nat(3),
      scope: fc.constantFrom('all', 'missed'),
      startedAt: fc.constant(T(START[id])),
      ...(finished ? { finishedAt: fc.integer({ min: START[id], max: 5 }).map(T) } : {}),
      questionIds: fc.constant(['q1', 'q2']),
      optionOrder: fc.constant({}),
      answers: fc.dictionary(fc.constantFrom('q1', 'q2'), fc.array(fc.nat(2), { maxLength: 2 })),
      checked: fc.subarray(['q1', 'q2']),
    }) as fc.Arbitrary<QuizAttempt>;
  const attempts = fc
    .uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 })
    .chain((ids) => fc.tuple(...ids.map((id) => attempt(id, true))));
  const quiz = fc.record(
    {
      view: fc.constantFrom('one', 'all'),
      history: attempts,
      current: fc.constantFrom('b', 'd').chain((id) => attempt(id, false)),
      passedAt: time,
    },
    { requiredKeys: ['view', 'history'] },
  ) as fc.Arbitrary<QuizProgress>;
  const keys = fc.constantFrom('x', 'y', 'z');
  // Example edits are left out: the other tab's text wins, on purpose not symmetric.
  const data = fc.record({
    lessons: fc.dictionary(
      keys,
      fc.record({ firstVisitedAt: time, completedAt: time }, { requiredKeys: ['firstVisitedAt'] }),
    ),
    exampleEdits: fc.constant({}),
    exercises: fc.dictionary(keys, exercise),
    quizzes: fc.dictionary(keys, quiz),
  }) as fc.Arbitrary<ProgressData>;

  /** Attempt order is the order they finished only once something was merged in; compare as sets. */
  const comparable = (value: ProgressData) => {
    const copy = structuredClone(value);
    for (const entry of Object.values(copy.quizzes)) entry.history.sort((a, b) => (a.id < b.id ? -1 : 1));
    return copy;
  };

  it('is commutative, idempotent and settles (a tab that merged once gets nothing new from the same data)', () => {
    fc.assert(
      fc.property(data, data, (a, b) => {
        const ab = mergeProgress(a, b);
        expect(jsonEqual(comparable(ab), comparable(mergeProgress(b, a)))).toBe(true);
        expect(mergeProgress(a, a)).toBe(a);
        expect(mergeProgress(ab, b)).toBe(ab);
        expect(mergeProgress(ab, a)).toBe(ab);
      }),
      { numRuns: 500 },
    );
  });

  it('is associative, so three tabs end with the same data whatever order their saves arrive in', () => {
    fc.assert(
      fc.property(data, data, data, (a, b, c) => {
        const left = mergeProgress(mergeProgress(a, b), c);
        const right = mergeProgress(a, mergeProgress(b, c));
        expect(jsonEqual(comparable(left), comparable(right))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never loses a record either side has', () => {
    fc.assert(
      fc.property(data, data, (a, b) => {
        const merged = mergeProgress(a, b);
        for (const field of ['lessons', 'exercises', 'quizzes'] as const) {
          for (const key of [...Object.keys(a[field]), ...Object.keys(b[field])]) {
            expect(merged[field]).toHaveProperty([key]);
          }
        }
      }),
    );
  });
});
