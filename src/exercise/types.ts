import type { HighlightedCode } from '../lib/highlightedCode';
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

/**
 * How the learner edits an exercise's code: "blanks", typing only in the starter's ___
 * slots (until "Edit freely"); "free", any edit. Said once, here: the embed, the editor
 * and the saved draft (src/exercise/progress.ts) use it.
 */
export const EDITING_MODES = ['blanks', 'free'] as const;
export type EditingMode = (typeof EDITING_MODES)[number];

/**
 * A graded exercise (see src/exercise): what the page shows first. The rest (checks,
 * feedback, hints, solution) is in its ExerciseDetails, loaded as the exercise nears;
 * sample wrong answers never leave the build.
 */
export interface ExerciseEmbed {
  name: 'exercise';
  id: string;
  title: string;
  /** "blanks": the learner types only in the starter's ___ slots (until "Edit freely"); "free": any edit. */
  editing: EditingMode;
  starter: HighlightedCode;
  /** The starter's path in the lesson folder, shown as the file name. */
  starterFile: string;
  instructionsHtml: string;
  /** What the code must accept and reject, and how: the contract the checks enforce. */
  contractHtml: string;
  hintCount: number;
  /** A bonus exercise does not count toward completing the lesson. */
  bonus: boolean;
}

/** An exercise's details as compiled data (everything but its suite's code). */
export interface ExerciseDetailsData extends Omit<GradingDefinition, 'suite'> {
  /** Revealed one at a time. */
  hintsHtml: string[];
  /** The first reference solution, shown after a pass or on request. */
  solution: HighlightedCode;
}

/** The part of an exercise needed only once the learner works on it: `virtual:embed-data/exercise/<lesson>/<id>`. */
export interface ExerciseDetails extends ExerciseDetailsData, GradingDefinition {}
