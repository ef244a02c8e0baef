import type { CallOutcome } from './harnessResult';
import type { SuiteId } from './suites/catalog';

/**
 * One condition of a feedback rule, on a case's result or a code check's.
 * Every field given must hold; `message` is a case-insensitive regular expression.
 */
export type FeedbackCondition =
  | {
      case: string;
      passed?: boolean;
      outcome?: CallOutcome;
      /** The exception's class name, plain ("TypeError") or qualified ("binascii.Error"). */
      raised?: string;
      message?: string;
      /** The judge's reason code, e.g. "exp-real-clock". */
      reason?: string;
    }
  | { check: string; passed?: boolean; reason?: string };

/** A message the learner gets when all its conditions hold, written in the exercise's content. */
export interface FeedbackRule {
  id: string;
  when: FeedbackCondition[];
  /** The message, as HTML compiled from the content's Markdown. */
  html: string;
}

/** A part of the exercise the results are grouped under ("Split", "Recompute", "Compare"). */
export interface ExerciseTask {
  id: string;
  title: string;
  cases: string[];
  checks: string[];
}

/** What grading needs from an exercise's content. */
export interface GradingDefinition {
  suite: SuiteId;
  tasks: ExerciseTask[];
  feedback: FeedbackRule[];
}
