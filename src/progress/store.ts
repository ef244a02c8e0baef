import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';

export const PROGRESS_STORAGE_KEY = 'flask-course:progress';
export const PROGRESS_VERSION = 1;

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

export interface ProgressData {
  lessons: Record<string, LessonProgress>;
  /** The learner's edits of runnable examples, by `exampleKey(lessonId, exampleId)`. */
  exampleEdits: Record<string, string>;
  /** Graded exercises, by `exerciseKey(lessonId, exerciseId)`. */
  exercises: Record<string, ExerciseProgress>;
}

export const EMPTY_EXERCISE: ExerciseProgress = { attempts: 0, hintsShown: 0, solutionViewed: false };

export interface ProgressState extends ProgressData {
  markVisited: (lessonId: string, now?: Date) => void;
  /** Keeps an example's edited code; `undefined` forgets it (Reset). */
  setExampleEdit: (key: string, code: string | undefined) => void;
  /** Keeps an exercise's draft; `undefined` forgets it (Reset). */
  saveExerciseDraft: (key: string, draft: Omit<ExerciseDraft, 'savedAt'> | undefined, now?: Date) => void;
  recordExerciseCheck: (
    key: string,
    result: { passed: boolean; passedCount: number; totalCount: number },
    now?: Date,
  ) => void;
  /** Records that `count` hints have been shown (never fewer than before). */
  recordHintsShown: (key: string, count: number) => void;
  recordSolutionViewed: (key: string) => void;
}

export const exampleKey = (lessonId: string, exampleId: string) => `${lessonId}/${exampleId}`;
export const exerciseKey = (lessonId: string, exerciseId: string) => `${lessonId}/${exerciseId}`;

export type LessonStatus = 'not-started' | 'in-progress' | 'complete';

/** What the outline and header show for a lesson. */
export function lessonStatus(data: ProgressData, lessonId: string): LessonStatus {
  const lesson = data.lessons[lessonId];
  if (!lesson) return 'not-started';
  return lesson.completedAt ? 'complete' : 'in-progress';
}

/**
 * Keeps what is valid from stored data and drops the rest, so a damaged or
 * hand-edited entry never takes the page down.
 */
export function sanitizeProgress(stored: unknown): ProgressData {
  const lessons: Record<string, LessonProgress> = {};
  const storedLessons = isRecord(stored) && isRecord(stored.lessons) ? stored.lessons : {};
  for (const [lessonId, entry] of Object.entries(storedLessons)) {
    if (!isRecord(entry) || typeof entry.firstVisitedAt !== 'string') continue;
    lessons[lessonId] = {
      firstVisitedAt: entry.firstVisitedAt,
      ...(typeof entry.completedAt === 'string' ? { completedAt: entry.completedAt } : {}),
    };
  }
  const exampleEdits: Record<string, string> = {};
  const storedEdits = isRecord(stored) && isRecord(stored.exampleEdits) ? stored.exampleEdits : {};
  for (const [key, code] of Object.entries(storedEdits)) {
    if (typeof code === 'string') exampleEdits[key] = code;
  }
  const exercises: Record<string, ExerciseProgress> = {};
  const storedExercises = isRecord(stored) && isRecord(stored.exercises) ? stored.exercises : {};
  for (const [key, entry] of Object.entries(storedExercises)) {
    const exercise = sanitizeExercise(entry);
    if (exercise) exercises[key] = exercise;
  }
  return { lessons, exampleEdits, exercises };
}

function sanitizeExercise(entry: unknown): ExerciseProgress | undefined {
  if (!isRecord(entry)) return undefined;
  const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0);
  const exercise: ExerciseProgress = {
    attempts: count(entry.attempts),
    hintsShown: count(entry.hintsShown),
    solutionViewed: entry.solutionViewed === true,
  };
  const draft = entry.draft;
  if (isRecord(draft) && typeof draft.code === 'string' && (draft.mode === 'blanks' || draft.mode === 'free')) {
    exercise.draft = {
      code: draft.code,
      mode: draft.mode,
      savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : '',
    };
  }
  if (typeof entry.passedAt === 'string') exercise.passedAt = entry.passedAt;
  const last = entry.lastResult;
  if (isRecord(last) && typeof last.passed === 'boolean' && typeof last.at === 'string') {
    exercise.lastResult = {
      passed: last.passed,
      passedCount: count(last.passedCount),
      totalCount: count(last.totalCount),
      at: last.at,
    };
  }
  return exercise;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The learner's progress, persisted under one versioned key. Pass a storage
 * (a fake one in tests); without one, progress lives in memory only.
 */
export function createProgressStore(getStorage: () => StateStorage) {
  return createStore<ProgressState>()(
    persist(
      (set) => ({
        lessons: {},
        exampleEdits: {},
        exercises: {},
        saveExerciseDraft: (key, draft, now = new Date()) =>
          set((state) => {
            const { draft: _old, ...rest } = state.exercises[key] ?? EMPTY_EXERCISE;
            const exercise: ExerciseProgress = draft
              ? { ...rest, draft: { ...draft, savedAt: now.toISOString() } }
              : rest;
            return { exercises: { ...state.exercises, [key]: exercise } };
          }),
        recordExerciseCheck: (key, result, now = new Date()) =>
          set((state) => {
            const exercise = state.exercises[key] ?? EMPTY_EXERCISE;
            const at = now.toISOString();
            return {
              exercises: {
                ...state.exercises,
                [key]: {
                  ...exercise,
                  attempts: exercise.attempts + 1,
                  lastResult: { ...result, at },
                  ...(result.passed && !exercise.passedAt ? { passedAt: at } : {}),
                },
              },
            };
          }),
        recordHintsShown: (key, count) =>
          set((state) => {
            const exercise = state.exercises[key] ?? EMPTY_EXERCISE;
            if (count <= exercise.hintsShown) return state;
            return { exercises: { ...state.exercises, [key]: { ...exercise, hintsShown: count } } };
          }),
        recordSolutionViewed: (key) =>
          set((state) => {
            const exercise = state.exercises[key] ?? EMPTY_EXERCISE;
            if (exercise.solutionViewed) return state;
            return { exercises: { ...state.exercises, [key]: { ...exercise, solutionViewed: true } } };
          }),
        setExampleEdit: (key, code) =>
          set((state) => {
            const exampleEdits = { ...state.exampleEdits };
            if (code === undefined) delete exampleEdits[key];
            else exampleEdits[key] = code;
            return { exampleEdits };
          }),
        markVisited: (lessonId, now = new Date()) =>
          set((state) =>
            state.lessons[lessonId]
              ? state
              : { lessons: { ...state.lessons, [lessonId]: { firstVisitedAt: now.toISOString() } } },
          ),
      }),
      {
        name: PROGRESS_STORAGE_KEY,
        version: PROGRESS_VERSION,
        storage: createJSONStorage(getStorage),
        partialize: (state): ProgressData => ({
          lessons: state.lessons,
          exampleEdits: state.exampleEdits,
          exercises: state.exercises,
        }),
        // Data from an unknown (future) version is read for what still fits.
        migrate: (stored) => sanitizeProgress(stored),
        merge: (stored, current) => ({ ...current, ...sanitizeProgress(stored) }),
      },
    ),
  );
}

export type ProgressStore = ReturnType<typeof createProgressStore>;
