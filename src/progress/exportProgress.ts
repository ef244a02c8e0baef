import { type ProgressData, pickProgressData } from './records';
import { PROGRESS_VERSION } from './types';

/** The `format` field that marks a file as this course's progress export. */
export const PROGRESS_FILE_FORMAT = 'flask-course-progress';
/** The name the export is downloaded under. */
export const PROGRESS_FILE_NAME = 'flask-course-progress.json';

export interface ProgressFile {
  format: typeof PROGRESS_FILE_FORMAT;
  version: number;
  exportedAt: string;
  data: ProgressData;
}

/**
 * The learner's progress as a file to keep or move to another browser
 * (read back by `importProgress`). Takes the store's state as is; only the
 * persisted data goes in.
 *
 * @example
 * exportProgress(progressStore.getState());
 * // '{\n  "format": "flask-course-progress",\n  "version": 2,\n  "exportedAt": "…",\n  "data": { … }\n}'
 */
export function exportProgress(state: ProgressData, now: Date = new Date()): string {
  const file: ProgressFile = {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: now.toISOString(),
    data: pickProgressData(state),
  };
  return JSON.stringify(file, null, 2);
}
