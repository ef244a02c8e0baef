export {
  type ChecklistItem,
  completingPart,
  type GradedPart,
  type LessonCompletion,
  lessonProgressOf,
  lessonStatusWithParts,
} from './completion';
export {
  PROGRESS_ERROR_CODES,
  ProgressError,
  type ProgressErrorCode,
  ProgressImportError,
  ProgressMigrationError,
  ProgressStorageError,
} from './errors';
export { exportProgress, PROGRESS_FILE_FORMAT, PROGRESS_FILE_NAME, type ProgressFile } from './exportProgress';
export type { ImportResult } from './importProgress';
export { mergeProgress } from './merge';
export { MIGRATIONS, type Migration, migrateProgress } from './migrations';
export { ProgressTools } from './ProgressTools';
export type { StoredProgress } from './persisted';
export { progressStore, useProgress } from './react';
export * from './recordKit';
export { StorageNotice } from './StorageNotice';
export { createSafeStorage, type SafeStorage, type StorageResult } from './storage';
export {
  createProgressStore,
  type LessonStatus,
  lessonStatus,
  PROGRESS_BACKUP_KEY,
  PROGRESS_STORAGE_KEY,
  PROGRESS_VERSION,
  type ProgressData,
  type ProgressNotice,
  type ProgressState,
  type ProgressStore,
  sanitizeProgress,
} from './store';
export { type StorageEventLike, type StorageEventSource, startCrossTabSync } from './sync';

/**
 * `importProgress` (and `readProgressFile`), loaded on demand: only the
 * Import button needs them.
 *
 * @example
 * const { importProgress } = await loadProgressImport();
 * const result = importProgress(await file.text());
 */
export const loadProgressImport = () => import('./importProgress');
