// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { SAMPLE_QUIZ } from '../quiz/testQuiz';
import { completingPart, type GradedPart, lessonProgressOf, lessonStatus, lessonStatusWithParts } from './completion';
import { emptyProgress, type ProgressData } from './records';

const PARTS: GradedPart[] = [
  { key: 'jwt-auth/verify-token', kind: 'exercise', title: 'Verify a token', bonus: false },
  { key: 'jwt-auth/quiz', kind: 'quiz', title: 'Check your understanding', bonus: false },
  { key: 'jwt-auth/refresh', kind: 'exercise', title: 'Refresh tokens', bonus: true },
];
const passedExercise = { attempts: 1, hintsShown: 0, solutionViewed: false, passedAt: 't', updatedAt: 't' };
const progress = (data: Partial<ProgressData>): ProgressData => ({ ...emptyProgress(), ...data });

describe('lessonProgressOf', () => {
  it('is not started with no visit and no record, and lists every part as not done', () => {
    expect(lessonProgressOf(emptyProgress(), PARTS, 'jwt-auth')).toEqual({
      status: 'not-started',
      checklist: PARTS.map((part) => ({ ...part, done: false })),
      completedParts: 0,
      requiredParts: 2,
    });
  });

  it('is in progress once visited, or once any part has a record', () => {
    const visited = progress({ lessons: { 'jwt-auth': { firstVisitedAt: 't', updatedAt: 't' } } });
    expect(lessonProgressOf(visited, PARTS, 'jwt-auth').status).toBe('in-progress');
    expect(lessonProgressOf(visited, PARTS).status).toBe('not-started'); // visits count only with the lesson id
    const tried = progress({ quizzes: { 'jwt-auth/quiz': { view: 'one', history: [], updatedAt: 't' } } });
    expect(lessonProgressOf(tried, PARTS).status).toBe('in-progress');
  });

  it('ticks passed parts, counts the required ones, and is complete without the bonus part', () => {
    const halfway = progress({ exercises: { 'jwt-auth/verify-token': passedExercise } });
    expect(lessonProgressOf(halfway, PARTS, 'jwt-auth')).toMatchObject({
      status: 'in-progress',
      checklist: [{ done: true }, { done: false }, { done: false }],
      completedParts: 1,
      requiredParts: 2,
    });
    // A quiz tried but not passed is not done.
    const quizTried = progress({ ...halfway, quizzes: { 'jwt-auth/quiz': SAMPLE_QUIZ } });
    expect(lessonProgressOf(quizTried, PARTS).completedParts).toBe(1);
    const complete = progress({ ...halfway, quizzes: { 'jwt-auth/quiz': { ...SAMPLE_QUIZ, passedAt: 't' } } });
    expect(lessonProgressOf(complete, PARTS, 'jwt-auth')).toMatchObject({
      status: 'complete',
      completedParts: 2,
      requiredParts: 2,
    });
    expect(lessonStatusWithParts(complete, 'jwt-auth', PARTS)).toBe('complete');
  });

  it('does not count a bonus part passed on its own as completion', () => {
    const bonusOnly = progress({ exercises: { 'jwt-auth/refresh': passedExercise } });
    expect(lessonProgressOf(bonusOnly, PARTS)).toMatchObject({ status: 'in-progress', completedParts: 0 });
  });

  it('falls back to the recorded visit and completion for a lesson without required parts', () => {
    const bonusOnlyParts = PARTS.filter((part) => part.bonus);
    expect(lessonProgressOf(emptyProgress(), [], 'a').status).toBe('not-started');
    const visited = progress({ lessons: { a: { firstVisitedAt: 't', updatedAt: 't' } } });
    expect(lessonProgressOf(visited, bonusOnlyParts, 'a').status).toBe('in-progress');
    const completed = progress({ lessons: { a: { firstVisitedAt: 't', completedAt: 'u', updatedAt: 'u' } } });
    expect(lessonProgressOf(completed, [], 'a').status).toBe('complete');
    expect(lessonStatus(completed, 'a')).toBe('complete');
  });

  it('gives the same object while its inputs are the same, so it can be used in a store selector', () => {
    const data = progress({ exercises: { 'jwt-auth/verify-token': passedExercise } });
    const first = lessonProgressOf(data, PARTS, 'jwt-auth');
    expect(lessonProgressOf({ ...data }, PARTS, 'jwt-auth')).toBe(first);
    expect(lessonProgressOf(data, [], undefined)).toBe(lessonProgressOf(emptyProgress(), []));
    const changed = lessonProgressOf(progress({ ...data, exercises: {} }), PARTS, 'jwt-auth');
    expect(changed).not.toBe(first);
    expect(changed.completedParts).toBe(0);
  });
});

describe('completingPart', () => {
  const exercise = (passedAt: string) => ({ ...passedExercise, passedAt });
  const quiz = (passedAt: string) => ({ ...SAMPLE_QUIZ, passedAt });

  it('is undefined until every required part is passed, whatever the bonus part', () => {
    expect(completingPart(emptyProgress(), PARTS)).toBeUndefined();
    const halfway = progress({
      exercises: { 'jwt-auth/verify-token': exercise('2026-01-01T10:00:00Z'), 'jwt-auth/refresh': exercise('x') },
    });
    expect(completingPart(halfway, PARTS)).toBeUndefined();
    expect(completingPart(emptyProgress(), [])).toBeUndefined();
  });

  it('names the required part passed last: the quiz after the exercise, or the exercise after the quiz', () => {
    const quizLast = progress({
      exercises: { 'jwt-auth/verify-token': exercise('2026-01-01T10:00:00Z') },
      quizzes: { 'jwt-auth/quiz': quiz('2026-01-01T11:00:00Z') },
    });
    expect(completingPart(quizLast, PARTS)).toBe('jwt-auth/quiz');
    const exerciseLast = progress({
      exercises: {
        'jwt-auth/verify-token': exercise('2026-01-02T10:00:00Z'),
        // A bonus part passed later still does not complete the lesson.
        'jwt-auth/refresh': exercise('2026-01-03T10:00:00Z'),
      },
      quizzes: { 'jwt-auth/quiz': quiz('2026-01-01T11:00:00Z') },
    });
    expect(completingPart(exerciseLast, PARTS)).toBe('jwt-auth/verify-token');
  });

  it('counts an unreadable date as the earliest', () => {
    const damaged = progress({
      exercises: { 'jwt-auth/verify-token': exercise('not a date') },
      quizzes: { 'jwt-auth/quiz': quiz('2026-01-01T11:00:00Z') },
    });
    expect(completingPart(damaged, PARTS)).toBe('jwt-auth/quiz');
  });
});

describe('a new kind of graded part', () => {
  it('is read through the registry: the record that holds it says when it was passed', async () => {
    vi.resetModules();
    const records = await import('./records');
    const completion = await import('./completion');
    // A kind no feature has: completion.ts knows nothing of it.
    const labRecord = {
      kind: 'labs',
      schema: z.object({ finishedAt: z.optional(z.string()), updatedAt: z.string() }),
      resettable: false,
      gradedPart: { kind: 'lab', passedAt: (lab: { finishedAt?: string }) => lab.finishedAt },
    };
    records.registerProgressRecords([labRecord] as unknown as Parameters<typeof records.registerProgressRecords>[0]);
    const parts = [{ key: 'a/lab', kind: 'lab', title: 'A lab', bonus: false }] as unknown as GradedPart[];
    const started = { labs: { 'a/lab': { updatedAt: 't' } }, removed: {} } as unknown as ProgressData;
    expect(completion.lessonProgressOf(started, parts, 'a')).toMatchObject({
      status: 'in-progress',
      completedParts: 0,
    });
    const finished = { labs: { 'a/lab': { finishedAt: 'u', updatedAt: 'u' } }, removed: {} } as unknown as ProgressData;
    expect(completion.lessonProgressOf(finished, parts, 'a')).toMatchObject({ status: 'complete', completedParts: 1 });
    expect(completion.completingPart(finished, parts)).toBe('a/lab');
    // With no kind holding the lesson visits, a lesson is never recorded as visited.
    expect(completion.lessonStatus(finished, 'a')).toBe('not-started');
  });
});
