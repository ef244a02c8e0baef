import { type ProgressData, recoverProgress } from './records';
import { describeRecoveryProblems, type RecoveryProblem } from './recover';

/** Something the sanitiser left out or replaced, where it was and what was expected there. */
export type SanitizeProblem = RecoveryProblem;

/**
 * Keeps what is valid from stored data and drops the rest, so a damaged or
 * hand-edited entry never takes the page down. What it returns always passes
 * `progressDataSchema()` (so cleaned data written back loads clean next time).
 *
 * @example
 * sanitizeProgress({ exampleEdits: { a: 'x', b: 3 } }).exampleEdits; // {}
 */
export function sanitizeProgress(stored: unknown): ProgressData {
  return sanitizeProgressReporting(stored).data;
}

/**
 * `sanitizeProgress`, also saying what it left out or replaced: no problems
 * exactly when the strict schema (`progressDataSchema()`) accepts the value.
 * Both readings come from the registered kinds' schemas (see recover.ts);
 * unknown fields are left out silently, as zod does.
 *
 * @example
 * sanitizeProgressReporting({ lessons: { a: 3 }, exampleEdits: {}, exercises: {}, quizzes: {} }).problems;
 * // [{ path: 'lessons.a', expected: 'an object' }, { path: 'removed', expected: 'an object' }, …]
 */
export function sanitizeProgressReporting(stored: unknown): { data: ProgressData; problems: SanitizeProblem[] } {
  return recoverProgress(stored);
}

/** "lessons.a: expected an object (and 2 more problems)" */
export const describeSanitizeProblems = describeRecoveryProblems;
