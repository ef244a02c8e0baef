import { z } from 'zod/mini';
import { type ProgressErrorCode, ProgressImportError } from './errors';
import { PROGRESS_FILE_FORMAT } from './exportProgress';
import { migrateProgress } from './migrations';
import type { ProgressData } from './records';
import { sanitizeProgress } from './sanitize';
import { describeSchemaProblems, progressDataSchema } from './schema';
import { isRecord, PROGRESS_VERSION } from './types';

export type ImportResult =
  | { ok: true; data: ProgressData; exportedAt: string | undefined }
  | { ok: false; reason: string; code: ProgressErrorCode };

/**
 * Reads a file made by `exportProgress`. All or nothing: a file that is not
 * JSON, not a progress export, from a newer version, or with any invalid
 * field is refused with the reason, and the caller changes nothing. Files
 * from older versions are migrated.
 *
 * @example
 * const result = importProgress(text);
 * if (result.ok) progressStore.getState().replaceProgress(result.data);
 * else show(result.reason); // 'exercises.jwt-auth/verify-token.attempts: expected a number'
 */
export function importProgress(text: string): ImportResult {
  try {
    return { ok: true, ...readProgressFile(text) };
  } catch (error) {
    if (error instanceof ProgressImportError) return { ok: false, reason: error.message, code: error.code };
    throw error;
  }
}

/**
 * `importProgress`, throwing.
 * @throws {ProgressImportError} with the code of what is wrong.
 */
export function readProgressFile(text: string): { data: ProgressData; exportedAt: string | undefined } {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ProgressImportError('ERR_IMPORT_NOT_JSON', `Not JSON: ${detail}`, { cause });
  }
  if (!isRecord(file)) {
    throw new ProgressImportError('ERR_IMPORT_NOT_PROGRESS', 'This is not a progress file (not a JSON object)');
  }
  if (file.format === undefined) {
    throw new ProgressImportError('ERR_IMPORT_NOT_PROGRESS', 'This is not a progress file (no "format" field)');
  }
  if (file.format !== PROGRESS_FILE_FORMAT) {
    throw new ProgressImportError(
      'ERR_IMPORT_NOT_PROGRESS',
      `This is not a progress file (its format is ${JSON.stringify(file.format)}, not "${PROGRESS_FILE_FORMAT}")`,
    );
  }
  const { version } = file;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new ProgressImportError('ERR_IMPORT_VERSION', 'The file has no valid "version" number');
  }
  if (version > PROGRESS_VERSION) {
    throw new ProgressImportError(
      'ERR_IMPORT_VERSION',
      `The file is from a newer version (${version}) of the course; this page reads up to version ${PROGRESS_VERSION}`,
    );
  }
  if (file.data === undefined) {
    throw new ProgressImportError('ERR_IMPORT_INVALID', 'The file has no "data" field', { path: 'data' });
  }
  const migrated = migrateProgress(file.data, version).data;
  const checked = z.safeParse(progressDataSchema(), migrated);
  if (!checked.success) {
    const { path, text: reason } = describeSchemaProblems(checked.error.issues);
    throw new ProgressImportError('ERR_IMPORT_INVALID', reason, { path });
  }
  return {
    // The schema accepted it; sanitising only rebuilds it from plain objects.
    data: sanitizeProgress(checked.data),
    exportedAt: typeof file.exportedAt === 'string' ? file.exportedAt : undefined,
  };
}
