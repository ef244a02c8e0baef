// Importing the list registers the kinds of record the page uses.
import { describe, expect, it, vi } from 'vitest';
import { PROGRESS_RECORDS } from '../app/progressRecords';
import { SAMPLE_QUIZ } from '../quiz/testQuiz';
import { parseStoredProgress, serializeStoredProgress } from './persisted';
import { emptyProgress, progressModel, registerProgressRecords } from './records';
import { PROGRESS_VERSION } from './types';

describe('the registered kinds of record', () => {
  it('are the four kinds, once each, in the order of the stored maps', () => {
    expect(progressModel().records.map((record) => record.kind)).toEqual([
      'lessons',
      'exampleEdits',
      'exercises',
      'quizzes',
    ]);
    expect(progressModel().resettable).toEqual(['exampleEdits', 'exercises', 'quizzes']);
    expect(emptyProgress()).toEqual({
      lessons: {},
      exampleEdits: {},
      exercises: {},
      quizzes: {},
      removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
    });
  });

  it('say which kind holds each kind of graded part, and which the lesson visits', () => {
    const { gradedParts, lessonVisits } = progressModel();
    expect(Object.fromEntries([...gradedParts].map(([part, record]) => [part, record.kind]))).toEqual({
      exercise: 'exercises',
      quiz: 'quizzes',
    });
    expect(lessonVisits?.kind).toBe('lessons');
  });

  it('are registered once: the same list again is fine, another list or a kind twice is refused', () => {
    expect(() => registerProgressRecords(PROGRESS_RECORDS)).not.toThrow();
    expect(() => registerProgressRecords([...PROGRESS_RECORDS])).toThrow(/already registered/);
  });

  it('read version 3 data written before the kinds moved to their features unchanged', () => {
    // Written by the page before each feature owned its record (the hand-written sanitiser's key order).
    const state = {
      lessons: { 'jwt-auth': { firstVisitedAt: 'a', completedAt: 'b', updatedAt: 'b' } },
      exampleEdits: { 'jwt-auth/decode': { code: 'print(1)', updatedAt: 'c' } },
      exercises: {
        'jwt-auth/verify-token': {
          attempts: 2,
          hintsShown: 1,
          solutionViewed: false,
          updatedAt: 'd',
          draft: { code: 'x = ___', mode: 'blanks', savedAt: 'd' },
          passedAt: 'd',
          lastResult: { passed: true, passedCount: 3, totalCount: 3, at: 'd' },
        },
      },
      quizzes: { 'jwt-auth/quiz': SAMPLE_QUIZ },
      removed: { exampleEdits: { 'jwt-auth/other': 'e' }, exercises: {}, quizzes: { 'jwt-auth/old': 'f' } },
    };
    const raw = JSON.stringify({ state, version: PROGRESS_VERSION, replacedAt: 'g' });
    const parsed = parseStoredProgress(raw);
    expect(parsed).toMatchObject({ problem: undefined, unreadable: false, migrated: false, replacedAt: 'g' });
    expect(parsed.data).toEqual(state);
    expect(JSON.parse(serializeStoredProgress(parsed.data, parsed.replacedAt))).toEqual(JSON.parse(raw));
  });
});

describe('registering before any kind', () => {
  it('says what to do when the progress is read with no kind registered', async () => {
    vi.resetModules();
    const fresh = await import('./records');
    expect(() => fresh.emptyProgress()).toThrow(/No progress records are registered/);
    expect(() =>
      fresh.registerProgressRecords([...PROGRESS_RECORDS, PROGRESS_RECORDS[0]] as (typeof PROGRESS_RECORDS)[number][]),
    ).toThrow('The progress record "lessons" is registered twice');
    const [lessons, edits, exercises, quizzes] = PROGRESS_RECORDS;
    const sharedPart = { ...quizzes, gradedPart: exercises.gradedPart } as unknown as typeof quizzes;
    expect(() => fresh.registerProgressRecords([lessons, edits, exercises, sharedPart])).toThrow(
      'Two progress records hold the graded part "exercise"',
    );
    const secondVisits = { ...edits, lessonVisit: lessons.lessonVisit } as unknown as typeof edits;
    expect(() => fresh.registerProgressRecords([lessons, secondVisits, exercises, quizzes])).toThrow(
      'Two progress records hold the lesson visits',
    );
  });
});
