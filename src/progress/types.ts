import type { QuizProgress } from '../quiz/types';

/** The one localStorage key the learner's progress lives under. */
export const PROGRESS_STORAGE_KEY = 'flask-course:progress';
/** Where the original text of damaged stored progress is kept before it is overwritten. */
export const PROGRESS_BACKUP_KEY = `${PROGRESS_STORAGE_KEY}:corrupt-backup`;
/** The version written with the stored progress; raise it with a new step in `MIGRATIONS`. */
export const PROGRESS_VERSION = 2;

export interface LessonProgress {
  /** ISO time of the learner's first visit. */
  firstVisitedAt: string;
  /** ISO time the lesson's graded parts were all passed. */
  completedAt?: string;
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
}

/** Everything that is persisted: plain JSON, the `state` of the stored envelope. */
export interface ProgressData {
  lessons: Record<string, LessonProgress>;
  /** The learner's edits of runnable examples, by `exampleKey(lessonId, exampleId)`. */
  exampleEdits: Record<string, string>;
  /** Graded exercises, by `exerciseKey(lessonId, exerciseId)`. */
  exercises: Record<string, ExerciseProgress>;
  /** Quizzes, by `quizKey(lessonId, quizId)`. */
  quizzes: Record<string, QuizProgress>;
}

/**
 * What the page tells the learner about their stored progress, once:
 * `recovered` when damaged or unknown data was cleaned up on load,
 * `memory-only` when the browser will not let progress be saved.
 */
export type ProgressNotice = { kind: 'recovered'; detail: string } | { kind: 'memory-only'; detail: string };

export const EMPTY_EXERCISE: ExerciseProgress = { attempts: 0, hintsShown: 0, solutionViewed: false };

export const emptyProgress = (): ProgressData => ({ lessons: {}, exampleEdits: {}, exercises: {}, quizzes: {} });

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
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
