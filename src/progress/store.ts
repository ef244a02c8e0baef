import type { StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { QuizProgress } from '../quiz/types';
import { MEMORY_ONLY_DETAIL, openStoredProgress, serializeStoredProgress } from './persisted';
import { sanitizeProgress } from './sanitize';
import { createSafeStorage } from './storage';
import {
  EMPTY_EXERCISE,
  type ExerciseDraft,
  type ExerciseProgress,
  emptyProgress,
  PROGRESS_BACKUP_KEY,
  PROGRESS_STORAGE_KEY,
  type ProgressData,
  type ProgressNotice,
} from './types';

export { type LessonStatus, lessonStatus } from './completion';
export { sanitizeProgress } from './sanitize';
export {
  EMPTY_EXERCISE,
  type ExerciseDraft,
  type ExerciseProgress,
  exampleKey,
  exerciseKey,
  type LessonProgress,
  PROGRESS_BACKUP_KEY,
  PROGRESS_STORAGE_KEY,
  PROGRESS_VERSION,
  type ProgressData,
  type ProgressNotice,
  quizKey,
} from './types';

export interface ProgressState extends ProgressData {
  /** Said once to the learner: stored progress was recovered, or cannot be saved. */
  storageNotice: ProgressNotice | undefined;
  /**
   * When the whole progress was last replaced (Reset all, Import): another tab
   * seeing a newer one takes this tab's data as it is instead of merging.
   */
  replacedAt: string | undefined;
  markVisited: (lessonId: string, now?: Date) => void;
  /** Records, once, that the lesson's graded parts were all passed. */
  markCompleted: (lessonId: string, now?: Date) => void;
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
  /** Forgets an exercise's whole record: draft, attempts, hints, pass. */
  resetExercise: (key: string) => void;
  /** Keeps a quiz's record as the quiz engine made it. */
  saveQuizProgress: (key: string, progress: QuizProgress) => void;
  resetQuiz: (key: string) => void;
  /** Forgets everything: visits, edits, exercises, quizzes. */
  resetAllProgress: (now?: Date) => void;
  /** Takes `data` (an import) in place of everything. */
  replaceProgress: (data: ProgressData, now?: Date) => void;
  dismissNotice: () => void;
}

/**
 * The learner's progress, persisted under `PROGRESS_STORAGE_KEY` as
 * `{ state, version, replacedAt? }` (see `persisted.ts`). Pass a storage (a
 * fake one in tests). Whatever the storage does (missing, throwing, full,
 * holding damaged data) the store works, in memory if it must, and says so
 * once in `storageNotice`.
 */
export function createProgressStore(getStorage: () => StateStorage) {
  const storage = createSafeStorage(getStorage);
  const opened = openStoredProgress(storage, PROGRESS_STORAGE_KEY, PROGRESS_BACKUP_KEY);

  const store = createStore<ProgressState>()((set) => {
    const updateExercise = (key: string, update: (exercise: ExerciseProgress) => ExerciseProgress | undefined) =>
      set((state) => {
        const exercise = update(state.exercises[key] ?? EMPTY_EXERCISE);
        return exercise ? { exercises: { ...state.exercises, [key]: exercise } } : state;
      });
    const forget = <Key extends 'exercises' | 'quizzes' | 'exampleEdits'>(field: Key, key: string) =>
      set((state) => {
        if (!Object.hasOwn(state[field], key)) return state;
        const remaining = { ...state[field] };
        delete remaining[key];
        return { [field]: remaining };
      });

    return {
      ...opened.data,
      storageNotice: opened.notice,
      replacedAt: opened.replacedAt,
      saveExerciseDraft: (key, draft, now = new Date()) =>
        updateExercise(key, ({ draft: _old, ...rest }) =>
          draft ? { ...rest, draft: { ...draft, savedAt: now.toISOString() } } : rest,
        ),
      recordExerciseCheck: (key, result, now = new Date()) =>
        updateExercise(key, (exercise) => {
          const at = now.toISOString();
          return {
            ...exercise,
            attempts: exercise.attempts + 1,
            lastResult: { ...result, at },
            ...(result.passed && !exercise.passedAt ? { passedAt: at } : {}),
          };
        }),
      recordHintsShown: (key, count) =>
        updateExercise(key, (exercise) =>
          count <= exercise.hintsShown ? undefined : { ...exercise, hintsShown: count },
        ),
      recordSolutionViewed: (key) =>
        updateExercise(key, (exercise) =>
          exercise.solutionViewed ? undefined : { ...exercise, solutionViewed: true },
        ),
      resetExercise: (key) => forget('exercises', key),
      setExampleEdit: (key, code) =>
        code === undefined
          ? forget('exampleEdits', key)
          : set((state) => ({ exampleEdits: { ...state.exampleEdits, [key]: code } })),
      saveQuizProgress: (key, progress) => set((state) => ({ quizzes: { ...state.quizzes, [key]: progress } })),
      resetQuiz: (key) => forget('quizzes', key),
      markVisited: (lessonId, now = new Date()) =>
        set((state) =>
          state.lessons[lessonId]
            ? state
            : { lessons: { ...state.lessons, [lessonId]: { firstVisitedAt: now.toISOString() } } },
        ),
      markCompleted: (lessonId, now = new Date()) =>
        set((state) => {
          const lesson = state.lessons[lessonId];
          if (lesson?.completedAt) return state;
          const at = now.toISOString();
          return {
            lessons: {
              ...state.lessons,
              [lessonId]: { firstVisitedAt: lesson?.firstVisitedAt ?? at, completedAt: at },
            },
          };
        }),
      resetAllProgress: (now = new Date()) => set({ ...emptyProgress(), replacedAt: now.toISOString() }),
      replaceProgress: (data, now = new Date()) => set({ ...sanitizeProgress(data), replacedAt: now.toISOString() }),
      dismissNotice: () => set({ storageNotice: undefined }),
    };
  });

  // Saves after every change of the data (not of the notice). A refused write
  // leaves the progress in memory and says so once; later writes are still
  // tried, in case the storage had only been full for a while.
  let memoryOnlySaid = opened.notice?.kind === 'memory-only';
  store.subscribe((state, previous) => {
    if (!opened.canWrite || !dataChanged(state, previous)) return;
    const written = storage.write(PROGRESS_STORAGE_KEY, serializeStoredProgress(state, state.replacedAt));
    if (!written.ok && !memoryOnlySaid) {
      memoryOnlySaid = true;
      store.setState({ storageNotice: { kind: 'memory-only', detail: MEMORY_ONLY_DETAIL } });
    }
  });
  return store;
}

function dataChanged(state: ProgressState, previous: ProgressState): boolean {
  return (
    state.lessons !== previous.lessons ||
    state.exampleEdits !== previous.exampleEdits ||
    state.exercises !== previous.exercises ||
    state.quizzes !== previous.quizzes ||
    state.replacedAt !== previous.replacedAt
  );
}

export type ProgressStore = ReturnType<typeof createProgressStore>;
