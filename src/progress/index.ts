export { progressStore, useProgress } from './react';
export {
  createProgressStore,
  EMPTY_EXERCISE,
  type ExerciseDraft,
  type ExerciseProgress,
  exampleKey,
  exerciseKey,
  type LessonStatus,
  lessonStatus,
  PROGRESS_STORAGE_KEY,
  PROGRESS_VERSION,
  type ProgressData,
  sanitizeProgress,
} from './store';
