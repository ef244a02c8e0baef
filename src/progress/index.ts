export { progressStore, useProgress } from './react';
export {
  createProgressStore,
  exampleKey,
  type LessonStatus,
  lessonStatus,
  PROGRESS_STORAGE_KEY,
  PROGRESS_VERSION,
  type ProgressData,
  sanitizeProgress,
} from './store';
