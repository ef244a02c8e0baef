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

export interface ProgressData {
  lessons: Record<string, LessonProgress>;
  /** The learner's edits of runnable examples, by `exampleKey(lessonId, exampleId)`. */
  exampleEdits: Record<string, string>;
}

export interface ProgressState extends ProgressData {
  markVisited: (lessonId: string, now?: Date) => void;
  /** Keeps an example's edited code; `undefined` forgets it (Reset). */
  setExampleEdit: (key: string, code: string | undefined) => void;
}

export const exampleKey = (lessonId: string, exampleId: string) => `${lessonId}/${exampleId}`;

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
  return { lessons, exampleEdits };
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
        partialize: (state): ProgressData => ({ lessons: state.lessons, exampleEdits: state.exampleEdits }),
        // Data from an unknown (future) version is read for what still fits.
        migrate: (stored) => sanitizeProgress(stored),
        merge: (stored, current) => ({ ...current, ...sanitizeProgress(stored) }),
      },
    ),
  );
}

export type ProgressStore = ReturnType<typeof createProgressStore>;
