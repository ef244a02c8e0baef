import type { CallOutcome } from './harnessResult';
import type { Suite } from './suite';

/**
 * One condition of a feedback rule. Its subject is a named case (`case`), any
 * case carrying a tag (`tag`: named or generated; "any" matches every case),
 * or a behavioural check (`check`). Every other field given must hold for the
 * same case; `message` is a case-insensitive regular expression.
 */
export interface FeedbackCondition {
  case?: string;
  tag?: string;
  check?: string;
  passed?: boolean;
  outcome?: CallOutcome;
  /** The exception's class name, plain ("TypeError") or qualified ("binascii.Error"). */
  raised?: string;
  message?: string;
  /** The judge's reason code, e.g. "accepted", "crashed", "reads-clock". */
  reason?: string;
  /** What the probes saw on that call, e.g. "hmac-key-other", "case-folded". */
  cause?: string;
  /** The line the call failed at lies in this blank (1-based), in blanks mode. */
  blank?: number;
}

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
  /** Groups of generated cases shown under this task. */
  groups: string[];
  checks: string[];
  /** Shown when the task fails and no specific feedback applies: true for any failure of the task. */
  fallbackHtml: string;
}

/** What grading needs from an exercise's content. */
export interface GradingDefinition {
  suite: Suite;
  tasks: ExerciseTask[];
  feedback: FeedbackRule[];
}
