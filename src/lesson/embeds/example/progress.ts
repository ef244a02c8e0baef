import { z } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { codeSchema, defineRecord, PROGRESS_LIMITS, partKey, repaired } from '../../../progress/recordKit';

/*
 * The runnable example's progress record: the learner's edits of its code. Its shape
 * (from which stored data is recovered) and its action; the default merge. Registered
 * in src/app/progressRecords.ts.
 */

/** Where an example's edit lives in the progress: `exampleKey('jwt-auth', 'decode')`. */
export const exampleKey = partKey;

/** An example's edited code and when it was last typed. */
export interface ExampleEdit {
  code: string;
  updatedAt: string;
}

// An edit without its time of last change counts as the oldest ("").
export const exampleEditSchema: $ZodType<ExampleEdit> = repaired(
  z.object({ code: codeSchema, updatedAt: z.string() }),
  { defaults: { updatedAt: '' } },
);

export interface ExampleActions {
  /** Keeps an example's edited code; `undefined` forgets it (Reset) in every tab. */
  setExampleEdit: (key: string, code: string | undefined, now?: Date) => void;
}

declare module '../../../progress/records' {
  interface ProgressRecordTypes {
    /** The learner's edits of runnable examples, by `exampleKey(lessonId, exampleId)`. */
    exampleEdits: ExampleEdit;
  }
  interface ResettableRecordTypes {
    exampleEdits: true;
  }
  interface ProgressActions extends ExampleActions {}
}

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
