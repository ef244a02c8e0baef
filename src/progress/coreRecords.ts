import { z } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { earliest, laterText, newestOr } from './merge';
import { defineRecord } from './records';
import { repaired } from './recover';
import { type ExampleEdit, type LessonProgress, PROGRESS_LIMITS } from './types';

/*
 * The records of the lesson pages themselves: visits and completions, and
 * the learner's edits of runnable examples. (Graded parts keep theirs in
 * their own features: src/exercise/progress.ts, src/quiz/progress.ts.)
 */

/** Code: a string no longer than `PROGRESS_LIMITS.codeChars`. */
export const codeSchema = z.string().check(z.maxLength(PROGRESS_LIMITS.codeChars));

// A record without its time of last change counts as the oldest ("").
const lessonSchema: $ZodType<LessonProgress> = repaired(
  z.object({
    firstVisitedAt: z.string(),
    completedAt: z.optional(z.string()),
    updatedAt: z.string(),
  }),
  { defaults: { updatedAt: '' } },
);

const exampleEditSchema: $ZodType<ExampleEdit> = repaired(z.object({ code: codeSchema, updatedAt: z.string() }), {
  defaults: { updatedAt: '' },
});

export interface LessonActions {
  markVisited: (lessonId: string, now?: Date) => void;
  /** Records, once, that the lesson's graded parts were all passed. */
  markCompleted: (lessonId: string, now?: Date) => void;
}

export interface ExampleActions {
  /** Keeps an example's edited code; `undefined` forgets it (Reset) in every tab. */
  setExampleEdit: (key: string, code: string | undefined, now?: Date) => void;
}

/** The first visit and the first completion are the earliest either tab saw. */
export function mergeLesson(own: LessonProgress, their: LessonProgress): LessonProgress {
  const completedAt = earliest(own.completedAt, their.completedAt);
  return {
    firstVisitedAt: earliest(own.firstVisitedAt, their.firstVisitedAt) ?? own.firstVisitedAt,
    ...(completedAt === undefined ? {} : { completedAt }),
    updatedAt: laterText(own.updatedAt, their.updatedAt),
  };
}

/** Lessons, by id: never reset one by one (only with everything). */
export const lessonRecord = defineRecord({
  kind: 'lessons',
  schema: lessonSchema,
  merge: newestOr(mergeLesson),
  resettable: false,
  actions: (lessons): LessonActions => ({
    markVisited: (lessonId, now = new Date()) =>
      lessons.update(lessonId, now, (lesson, stamp) => {
        if (lesson) return undefined;
        const at = stamp();
        return { firstVisitedAt: at, updatedAt: at };
      }),
    markCompleted: (lessonId, now = new Date()) =>
      lessons.update(lessonId, now, (lesson, stamp) => {
        if (lesson?.completedAt) return undefined;
        const at = stamp();
        return { firstVisitedAt: lesson?.firstVisitedAt ?? at, completedAt: at, updatedAt: at };
      }),
  }),
});

/**
 * The learner's edits of runnable examples, by `exampleKey(lessonId, exampleId)`.
 * The newer edit wins whole (the default merge: equal times are settled by the
 * text, the same way in every tab): a tab never takes back an older copy of
 * what it typed, and two tabs typing into one example end up with the same,
 * newest text.
 */
export const exampleEditRecord = defineRecord({
  kind: 'exampleEdits',
  schema: exampleEditSchema,
  resettable: true,
  actions: (edits): ExampleActions => ({
    // Code past the limit is never stored (the editor says so and keeps it on screen).
    setExampleEdit: (key, code, now = new Date()) =>
      code === undefined
        ? edits.forget(key, now)
        : code.length > PROGRESS_LIMITS.codeChars
          ? undefined
          : edits.update(key, now, (edit, stamp) => (edit?.code === code ? undefined : { code, updatedAt: stamp() })),
  }),
});
