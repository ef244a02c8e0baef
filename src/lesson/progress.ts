import { z } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { defineRecord, earliest, laterText, newestOr, repaired } from '../progress/recordKit';

/*
 * The lesson's own progress record: its visits and completions, by lesson id. Its
 * shape (from which stored data is recovered), how two tabs' copies merge, and its
 * actions. Registered in src/app/progressRecords.ts.
 */

export interface LessonProgress {
  /** ISO time of the learner's first visit. */
  firstVisitedAt: string;
  /** ISO time the lesson's graded parts were all passed. */
  completedAt?: string;
  /** When the record last changed (see "Merging" in src/progress/records.ts); "" when unknown (migrated data). */
  updatedAt: string;
}

// A record without its time of last change counts as the oldest ("").
export const lessonSchema: $ZodType<LessonProgress> = repaired(
  z.object({
    firstVisitedAt: z.string(),
    completedAt: z.optional(z.string()),
    updatedAt: z.string(),
  }),
  { defaults: { updatedAt: '' } },
);

export interface LessonActions {
  markVisited: (lessonId: string, now?: Date) => void;
  /** Records, once, that the lesson's graded parts were all passed. */
  markCompleted: (lessonId: string, now?: Date) => void;
}

declare module '../progress/records' {
  interface ProgressRecordTypes {
    /** Lessons, by id. */
    lessons: LessonProgress;
  }
  interface ProgressActions extends LessonActions {}
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
  lessonVisit: { completedAt: (lesson) => lesson.completedAt },
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
