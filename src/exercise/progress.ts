import { z } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import {
  codeSchema,
  countSchema,
  defineRecord,
  earliest,
  laterText,
  newer,
  newestOr,
  PROGRESS_LIMITS,
  partKey,
  repaired,
} from '../progress/recordKit';
import { EDITING_MODES, type EditingMode } from './types';

/*
 * The exercise's progress record: its shape (from which stored data is
 * recovered), how two tabs' copies merge, and its actions. Registered in
 * src/app/progressRecords.ts.
 */

/** Where an exercise's record lives in the progress: `exerciseKey('jwt-auth', 'verify-token')`. */
export const exerciseKey = partKey;

export interface ExerciseDraft {
  code: string;
  mode: EditingMode;
  savedAt: string;
}

/** One exercise's record: the draft, and what the progress view shows. */
export interface ExerciseProgress {
  draft?: ExerciseDraft;
  /** Checks that ran the learner's code (not those refused for unfilled blanks). */
  attempts: number;
  hintsShown: number;
  solutionViewed: boolean;
  /** ISO time of the first Check that passed every case. */
  passedAt?: string;
  lastResult?: { passed: boolean; passedCount: number; totalCount: number; at: string };
  /** When the record last changed; "" when unknown (migrated data). */
  updatedAt: string;
}

export const EMPTY_EXERCISE: ExerciseProgress = { attempts: 0, hintsShown: 0, solutionViewed: false, updatedAt: '' };

// Damaged counters count as 0, and a record without its time of change as the oldest ("").
export const exerciseSchema: $ZodType<ExerciseProgress> = repaired(
  z.object({
    // Without its code or mode a draft is no use and is left out; a missing time becomes "".
    draft: z.optional(
      repaired(z.object({ code: codeSchema, mode: z.enum(EDITING_MODES), savedAt: z.string() }), {
        defaults: { savedAt: '' },
      }),
    ),
    attempts: countSchema,
    hintsShown: countSchema,
    solutionViewed: z.boolean(),
    passedAt: z.optional(z.string()),
    // Without whether it passed and when, a result is left out; bad counts become 0.
    lastResult: z.optional(
      repaired(z.object({ passed: z.boolean(), passedCount: countSchema, totalCount: countSchema, at: z.string() }), {
        defaults: { passedCount: 0, totalCount: 0 },
      }),
    ),
    updatedAt: z.string(),
  }),
  { defaults: { attempts: 0, hintsShown: 0, solutionViewed: false, updatedAt: '' } },
);

export interface ExerciseActions {
  /** Keeps an exercise's draft; `undefined` forgets it (Reset). */
  saveExerciseDraft: (key: string, draft: Omit<ExerciseDraft, 'savedAt'> | undefined, now?: Date) => void;
  recordExerciseCheck: (
    key: string,
    result: { passed: boolean; passedCount: number; totalCount: number },
    now?: Date,
  ) => void;
  /** Records that `count` hints have been shown (never fewer than before). */
  recordHintsShown: (key: string, count: number, now?: Date) => void;
  recordSolutionViewed: (key: string, now?: Date) => void;
  /** Forgets an exercise's whole record (draft, attempts, hints, pass) in every tab. */
  resetExercise: (key: string, now?: Date) => void;
}

declare module '../progress/records' {
  interface ProgressRecordTypes {
    /** Graded exercises, by `exerciseKey(lessonId, exerciseId)`. */
    exercises: ExerciseProgress;
  }
  interface ResettableRecordTypes {
    exercises: true;
  }
  interface GradedPartKinds {
    /** A lesson's graded exercise: passed when its first Check passed every case. */
    exercise: 'exercises';
  }
  interface ProgressActions extends ExerciseActions {}
}

/**
 * Counters take the larger, "solution viewed" either, the first pass the
 * earliest, and the draft and last result the newer by their own time.
 */
export function mergeExercise(own: ExerciseProgress, their: ExerciseProgress): ExerciseProgress {
  const merged: ExerciseProgress = {
    attempts: Math.max(own.attempts, their.attempts),
    hintsShown: Math.max(own.hintsShown, their.hintsShown),
    solutionViewed: own.solutionViewed || their.solutionViewed,
    updatedAt: laterText(own.updatedAt, their.updatedAt),
  };
  const draft = newer(own.draft, their.draft, (entry) => entry.savedAt);
  if (draft) merged.draft = draft;
  const passedAt = earliest(own.passedAt, their.passedAt);
  if (passedAt !== undefined) merged.passedAt = passedAt;
  const lastResult = newer(own.lastResult, their.lastResult, (entry) => entry.at);
  if (lastResult) merged.lastResult = lastResult;
  return merged;
}

/** Exercises, by `exerciseKey(lessonId, exerciseId)`: the newer copy wins, or `mergeExercise` of two made together. */
export const exerciseRecord = defineRecord({
  kind: 'exercises',
  schema: exerciseSchema,
  merge: newestOr(mergeExercise),
  resettable: true,
  gradedPart: { kind: 'exercise', passedAt: (exercise) => exercise.passedAt },
  actions: (exercises): ExerciseActions => {
    const updateExercise = (
      key: string,
      now: Date,
      update: (exercise: ExerciseProgress, at: string) => ExerciseProgress | undefined,
    ) => exercises.update(key, now, (exercise, stamp) => update(exercise ?? EMPTY_EXERCISE, stamp()));
    return {
      // Code past the limit is never stored (the editors say so and keep it on screen).
      saveExerciseDraft: (key, draft, now = new Date()) =>
        draft && draft.code.length > PROGRESS_LIMITS.codeChars
          ? undefined
          : updateExercise(key, now, ({ draft: _old, ...rest }, at) =>
              draft ? { ...rest, draft: { ...draft, savedAt: at }, updatedAt: at } : { ...rest, updatedAt: at },
            ),
      recordExerciseCheck: (key, result, now = new Date()) =>
        updateExercise(key, now, (exercise, at) => ({
          ...exercise,
          attempts: exercise.attempts + 1,
          lastResult: { ...result, at },
          ...(result.passed && !exercise.passedAt ? { passedAt: at } : {}),
          updatedAt: at,
        })),
      recordHintsShown: (key, count, now = new Date()) =>
        updateExercise(key, now, (exercise, at) =>
          count <= exercise.hintsShown ? undefined : { ...exercise, hintsShown: count, updatedAt: at },
        ),
      recordSolutionViewed: (key, now = new Date()) =>
        updateExercise(key, now, (exercise, at) =>
          exercise.solutionViewed ? undefined : { ...exercise, solutionViewed: true, updatedAt: at },
        ),
      resetExercise: (key, now = new Date()) => exercises.forget(key, now),
    };
  },
});
