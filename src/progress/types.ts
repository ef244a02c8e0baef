import type { QuizProgress } from '../quiz/types';

/** The one localStorage key the learner's progress lives under. */
export const PROGRESS_STORAGE_KEY = 'flask-course:progress';
/**
 * Where the original text of damaged or unknown stored progress is copied before it is
 * overwritten: `${PROGRESS_BACKUP_KEY}:1` … `:${PROGRESS_BACKUP_SLOTS}` (the oldest is reused).
 */
export const PROGRESS_BACKUP_KEY = `${PROGRESS_STORAGE_KEY}:corrupt-backup`;
export const PROGRESS_BACKUP_SLOTS = 3;
/**
 * Bounds on a quiz record, checked when stored data is read and when a file is imported,
 * so that crafted data cannot make the page do unbounded work: no quiz has more
 * questions or a question more options, and the engine keeps only the latest attempts
 * (`QUIZ_HISTORY_LIMIT`; a test holds them equal). Lists of ids and of option indexes
 * must not repeat an item.
 */
export const PROGRESS_LIMITS = {
  questionsPerQuiz: 100,
  optionsPerQuestion: 26,
  attemptsKept: 20,
  /** The longest code kept for an example or an exercise draft (the lesson's files are a few KB). */
  codeChars: 100_000,
  /** Records of each kind (lessons, examples, exercises, quizzes, and each kind of reset). */
  recordsPerKind: 1_000,
} as const;

/** The largest progress file an import reads; a real export is a few kilobytes. */
export const PROGRESS_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** The version written with the stored progress; raise it with a new step in `MIGRATIONS`. */
export const PROGRESS_VERSION = 3;

export interface LessonProgress {
  /** ISO time of the learner's first visit. */
  firstVisitedAt: string;
  /** ISO time the lesson's graded parts were all passed. */
  completedAt?: string;
  /** When the record last changed (see "Merging" below); "" when unknown (migrated data). */
  updatedAt: string;
}

/** An example's edited code and when it was last typed. */
export interface ExampleEdit {
  code: string;
  updatedAt: string;
}

export interface ExerciseDraft {
  code: string;
  /** "blanks": typing only in the blanks; "free": "Edit freely" is on. */
  mode: 'blanks' | 'free';
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
  updatedAt: string;
}

/** A quiz's record as the quiz engine made it, and when it was last saved. */
export type SavedQuiz = QuizProgress & { updatedAt: string };

/**
 * Tombstones: when a record was reset, by key, per map. A record whose
 * `updatedAt` is not newer than its tombstone is gone, in every tab: without
 * them a reset record would simply be absent and another tab's copy would
 * bring it back.
 */
export interface RemovedRecords {
  exampleEdits: Record<string, string>;
  exercises: Record<string, string>;
  quizzes: Record<string, string>;
}

/**
 * Everything that is persisted: plain JSON, the `state` of the stored envelope.
 *
 * Merging: every record carries `updatedAt`, stamped by the store's clock
 * (never earlier than any time this tab has seen), so two tabs agree which
 * copy is newer; a reset leaves a tombstone in `removed`.
 */
export interface ProgressData {
  lessons: Record<string, LessonProgress>;
  /** The learner's edits of runnable examples, by `exampleKey(lessonId, exampleId)`. */
  exampleEdits: Record<string, ExampleEdit>;
  /** Graded exercises, by `exerciseKey(lessonId, exerciseId)`. */
  exercises: Record<string, ExerciseProgress>;
  /** Quizzes, by `quizKey(lessonId, quizId)`. */
  quizzes: Record<string, SavedQuiz>;
  removed: RemovedRecords;
}

/**
 * What the page tells the learner about their stored progress, once:
 * `recovered` when damaged or unknown data was cleaned up on load,
 * `memory-only` when progress is not being saved (the browser refuses, or the
 * stored data must not be overwritten).
 */
export type ProgressNotice = { kind: 'recovered'; detail: string } | { kind: 'memory-only'; detail: string };

export const EMPTY_EXERCISE: ExerciseProgress = { attempts: 0, hintsShown: 0, solutionViewed: false, updatedAt: '' };

export const emptyRemoved = (): RemovedRecords => ({ exampleEdits: {}, exercises: {}, quizzes: {} });

export const emptyProgress = (): ProgressData => ({
  lessons: {},
  exampleEdits: {},
  exercises: {},
  quizzes: {},
  removed: emptyRemoved(),
});

export const exampleKey = (lessonId: string, exampleId: string) => `${lessonId}/${exampleId}`;
export const exerciseKey = (lessonId: string, exerciseId: string) => `${lessonId}/${exerciseId}`;
export const quizKey = (lessonId: string, quizId: string) => `${lessonId}/${quizId}`;

/** Only the persisted part of a state that may carry actions and notices too. */
export function pickProgressData(state: ProgressData): ProgressData {
  return {
    lessons: state.lessons,
    exampleEdits: state.exampleEdits,
    exercises: state.exercises,
    quizzes: state.quizzes,
    removed: state.removed,
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
