// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExerciseProgress } from '../exercise/progress';
import type { SavedQuiz } from '../quiz/progress';
import { SAMPLE_QUIZ } from '../quiz/testQuiz';
import type { QuizAttempt } from '../quiz/types';
import { jsonEqual, mergeProgress, mergeReplaceable } from './merge';
import { emptyProgress, type ProgressData, pickProgressData } from './records';
import { createProgressStore, PROGRESS_STORAGE_KEY, type ProgressStore } from './store';
import { fakeStorage } from './testing';

const progress = (data: Partial<ProgressData>): ProgressData => ({ ...emptyProgress(), ...data });
const T = (minute: number) => `2026-11-29T10:${String(minute).padStart(2, '0')}:00.000Z`;
const visit = (minute: number, completed?: number) => ({
  firstVisitedAt: T(minute),
  ...(completed === undefined ? {} : { completedAt: T(completed) }),
  updatedAt: T(completed ?? minute),
});
const edit = (code: string, minute: number) => ({ code, updatedAt: T(minute) });

describe('mergeProgress', () => {
  it('unites both tabs: a record only one side has is always kept', () => {
    const mine = progress({
      lessons: { a: visit(1) },
      exampleEdits: { 'a/x': edit('mine', 1) },
      exercises: { 'a/e': { attempts: 1, hintsShown: 0, solutionViewed: false, updatedAt: T(1) } },
    });
    const theirs = progress({
      lessons: { b: visit(2) },
      exampleEdits: { 'b/x': edit('theirs', 2) },
      quizzes: { 'b/q': SAMPLE_QUIZ },
    });
    expect(mergeProgress(mine, theirs)).toEqual({
      lessons: { a: visit(1), b: visit(2) },
      exampleEdits: { 'a/x': edit('mine', 1), 'b/x': edit('theirs', 2) },
      exercises: mine.exercises,
      quizzes: theirs.quizzes,
      removed: emptyProgress().removed,
    });
  });

  it("returns this tab's data itself when the other tab brings nothing new (even an empty one)", () => {
    const mine = progress({ lessons: { a: visit(1) }, quizzes: { q: SAMPLE_QUIZ } });
    expect(mergeProgress(mine, emptyProgress())).toBe(mine);
    expect(mergeProgress(mine, structuredClone(mine))).toBe(mine);
    const partly = mergeProgress(mine, progress({ exampleEdits: { e: edit('x', 1) } }));
    expect(partly.lessons).toBe(mine.lessons);
    expect(partly.quizzes).toBe(mine.quizzes);
  });

  it('keeps the newer copy of a lesson, or the earliest visit and completion of two made together', () => {
    const mine = progress({ lessons: { a: visit(5, 9) } });
    expect(mergeProgress(mine, progress({ lessons: { a: visit(3) } })).lessons.a).toEqual(visit(5, 9));
    const together = { firstVisitedAt: T(3), updatedAt: T(9) };
    expect(mergeProgress(mine, progress({ lessons: { a: together } })).lessons.a).toEqual({
      firstVisitedAt: T(3),
      completedAt: T(9),
      updatedAt: T(9),
    });
  });

  it('takes the newer text for an example both edited, from either side, and never an older copy', () => {
    const older = progress({ exampleEdits: { e: edit('prin', 1) } });
    const newer = progress({ exampleEdits: { e: edit('print', 2) } });
    expect(mergeProgress(older, newer).exampleEdits).toEqual({ e: edit('print', 2) });
    // A tab that typed on does not take back the older copy another tab echoes.
    expect(mergeProgress(newer, older)).toBe(newer);
    // Edits made in the same millisecond are settled by the text, the same way in every tab.
    const a = progress({ exampleEdits: { e: edit('a', 3) } });
    const b = progress({ exampleEdits: { e: edit('b', 3) } });
    expect(mergeProgress(a, b).exampleEdits).toEqual(mergeProgress(b, a).exampleEdits);
  });

  it('keeps a reset: a record not newer than its tombstone is gone, from either side', () => {
    const withRecord = progress({
      exampleEdits: { e: edit('typed', 1) },
      exercises: { x: { attempts: 3, hintsShown: 0, solutionViewed: false, updatedAt: T(1) } },
      quizzes: { q: { ...SAMPLE_QUIZ, updatedAt: T(1) } },
    });
    const reset = progress({ removed: { exampleEdits: { e: T(2) }, exercises: { x: T(2) }, quizzes: { q: T(2) } } });
    for (const merged of [mergeProgress(withRecord, reset), mergeProgress(reset, withRecord)]) {
      expect(merged.exampleEdits).toEqual({});
      expect(merged.exercises).toEqual({});
      expect(merged.quizzes).toEqual({});
      expect(merged.removed).toEqual(reset.removed);
    }
    // Typed again after the reset: the new record stays.
    const again = progress({ exampleEdits: { e: edit('again', 3) } });
    expect(mergeProgress(mergeProgress(withRecord, reset), again).exampleEdits).toEqual({ e: edit('again', 3) });
    expect(mergeProgress(again, reset).exampleEdits).toEqual({ e: edit('again', 3) });
  });

  it('drops records older than the latest replacement (Reset all, Import) of either side', () => {
    const old = {
      data: progress({ lessons: { a: visit(1) }, exampleEdits: { e: edit('x', 1) } }),
      replacedAt: undefined,
    };
    const resetAll = { data: progress({ lessons: { b: visit(3) } }), replacedAt: T(2) };
    const merged = mergeReplaceable(old, resetAll);
    expect(merged).toEqual({ data: resetAll.data, replacedAt: T(2) });
    expect(mergeReplaceable(resetAll, old)).toBe(resetAll);
  });
});

describe('mergeProgress properties', () => {
  const time = fc.integer({ min: 0, max: 5 }).map(T);
  // Few distinct times, so that copies changed together (equal times) are common.
  const updatedAt = fc.integer({ min: 0, max: 3 }).map(T);
  const exercise = fc.record(
    {
      attempts: fc.nat(4),
      hintsShown: fc.nat(3),
      solutionViewed: fc.boolean(),
      draft: fc.record({ code: fc.constantFrom('a', 'b'), mode: fc.constantFrom('blanks', 'free'), savedAt: time }),
      passedAt: time,
      lastResult: fc.record({ passed: fc.boolean(), passedCount: fc.nat(3), totalCount: fc.nat(3), at: time }),
      updatedAt,
    },
    { requiredKeys: ['attempts', 'hintsShown', 'solutionViewed', 'updatedAt'] },
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
      updatedAt,
    },
    { requiredKeys: ['view', 'history', 'updatedAt'] },
  ) as fc.Arbitrary<SavedQuiz>;
  const keys = fc.constantFrom('x', 'y', 'z');
  const tombstones = fc.dictionary(keys, updatedAt, { maxKeys: 2 });
  const data = fc
    .record({
      lessons: fc.dictionary(
        keys,
        fc.record(
          { firstVisitedAt: time, completedAt: time, updatedAt },
          { requiredKeys: ['firstVisitedAt', 'updatedAt'] },
        ),
      ),
      exampleEdits: fc.dictionary(keys, fc.record({ code: fc.constantFrom('a', 'b', 'c'), updatedAt })),
      exercises: fc.dictionary(keys, exercise),
      quizzes: fc.dictionary(keys, quiz),
      removed: fc.record({ exampleEdits: tombstones, exercises: tombstones, quizzes: tombstones }),
    })
    // As a tab holds it: no record its own tombstones say was reset (merging with nothing drops them).
    .map((value) => mergeProgress(value as ProgressData, emptyProgress()));

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

  it('never loses a record either side has, unless a tombstone at least as new says it was reset', () => {
    fc.assert(
      fc.property(data, data, (a, b) => {
        const merged = mergeProgress(a, b);
        expect(merged.lessons).toEqual(
          expect.objectContaining(Object.fromEntries(Object.keys(b.lessons).map((k) => [k, expect.anything()]))),
        );
        for (const field of ['exampleEdits', 'exercises', 'quizzes'] as const) {
          for (const [key, record] of [...Object.entries(a[field]), ...Object.entries(b[field])]) {
            const deletedAt = [a.removed[field][key], b.removed[field][key]]
              .filter((t) => t !== undefined)
              .sort()
              .at(-1);
            if (deletedAt === undefined || record.updatedAt > deletedAt) expect(merged[field]).toHaveProperty([key]);
            else if (merged[field][key]) expect(merged[field][key]?.updatedAt > deletedAt).toBe(true);
          }
        }
      }),
    );
  });
});

/**
 * Tabs as the page runs them: each its own store over one shared storage,
 * saving after every change (reading the stored copy first), and hearing the
 * other tabs' saves late, in any order, or not at all until the end.
 */
describe('tabs editing, resetting and saving in any interleaving', () => {
  type Action =
    | { kind: 'edit'; tab: number; key: string }
    | { kind: 'reset'; tab: number; key: string }
    | { kind: 'hear'; tab: number };
  const action = (tabs: number): fc.Arbitrary<Action> =>
    fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), tab: fc.nat(tabs - 1), key: fc.constantFrom('k1', 'k2') }),
      fc.record({ kind: fc.constant('reset' as const), tab: fc.nat(tabs - 1), key: fc.constantFrom('k1', 'k2') }),
      fc.record({ kind: fc.constant('hear' as const), tab: fc.nat(tabs - 1) }),
    );

  it('ends, in every tab and in storage, with the last action on each record', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 3 })
          .chain((tabs) => fc.tuple(fc.constant(tabs), fc.array(action(tabs), { maxLength: 25 }))),
        ([tabCount, actions]) => {
          const storage = fakeStorage();
          const tabs: ProgressStore[] = Array.from({ length: tabCount }, () => createProgressStore(() => storage));
          const hear = (tab: ProgressStore) => {
            const raw = storage.data.get(PROGRESS_STORAGE_KEY);
            if (raw !== undefined) tab.getState().receiveSaved(raw);
          };
          const expected = new Map<string, string | undefined>();
          let clock = Date.parse(T(0));
          actions.forEach((step, index) => {
            const tab = tabs[step.tab] as ProgressStore;
            clock += 1000;
            if (step.kind === 'hear') {
              hear(tab);
              return;
            }
            const now = new Date(clock);
            if (step.kind === 'edit') {
              const code = `edit ${index} in tab ${step.tab}`;
              tab.getState().setExampleEdit(step.key, code, now);
              expected.set(step.key, code);
            } else {
              tab.getState().resetExercise(step.key, now);
              tab.getState().setExampleEdit(step.key, undefined, now);
              expected.set(step.key, undefined);
            }
          });
          // Every tab finally hears the last save.
          for (const tab of tabs) hear(tab);
          for (const tab of tabs) hear(tab);
          const want = Object.fromEntries([...expected].filter(([, code]) => code !== undefined));
          for (const tab of tabs) {
            const codes = Object.fromEntries(Object.entries(tab.getState().exampleEdits).map(([k, e]) => [k, e.code]));
            expect(codes).toEqual(want);
          }
          const stored = JSON.parse(storage.data.get(PROGRESS_STORAGE_KEY) ?? '{"state":{"exampleEdits":{}}}');
          const storedCodes = Object.fromEntries(
            Object.entries(stored.state.exampleEdits as Record<string, { code: string }>).map(([k, e]) => [k, e.code]),
          );
          expect(storedCodes).toEqual(want);
          if (storage.data.has(PROGRESS_STORAGE_KEY)) {
            expect(pickProgressData(tabs[0]?.getState() as never)).toEqual(stored.state);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
