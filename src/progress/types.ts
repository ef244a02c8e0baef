/** The one localStorage key the learner's progress lives under. */
export const PROGRESS_STORAGE_KEY = 'flask-course:progress';
/**
 * Where the original text of damaged or unknown stored progress is copied before it is
 * overwritten: `${PROGRESS_BACKUP_KEY}:1` … `:${PROGRESS_BACKUP_SLOTS}` (the oldest is reused).
 */
export const PROGRESS_BACKUP_KEY = `${PROGRESS_STORAGE_KEY}:corrupt-backup`;
export const PROGRESS_BACKUP_SLOTS = 3;
/**
 * Bounds on every record, checked when stored data is read and when a file is imported,
 * so that crafted data cannot make the page do unbounded work. A kind may set bounds of
 * its own in its schema (the quiz's are `QUIZ_RECORD_LIMITS`, in src/quiz/progress.ts).
 */
export const PROGRESS_LIMITS = {
  /** The longest code kept for an example or an exercise draft (the lesson's files are a few KB). */
  codeChars: 100_000,
  /** Records of each kind (lessons, examples, exercises, quizzes, and each kind of reset). */
  recordsPerKind: 1_000,
} as const;

/** The largest progress file an import reads; a real export is a few kilobytes. */
export const PROGRESS_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** The version written with the stored progress; raise it with a new step in `MIGRATIONS`. */
export const PROGRESS_VERSION = 3;

/**
 * What the page tells the learner about their stored progress, once:
 * `recovered` when damaged or unknown data was cleaned up on load,
 * `memory-only` when progress is not being saved (the browser refuses, or the
 * stored data must not be overwritten).
 */
export type ProgressNotice = { kind: 'recovered'; detail: string } | { kind: 'memory-only'; detail: string };

/**
 * The key of one part of a lesson in its kind's map: `<lesson id>/<part id>`. Each
 * feature names its own (`exerciseKey`, `quizKey`...); a lesson's part list uses the same.
 */
export const partKey = (lessonId: string, partId: string) => `${lessonId}/${partId}`;

export { isRecord } from './recover';
