/** Everything that can go wrong with stored, imported or migrated progress. */
export const PROGRESS_ERROR_CODES = [
  'ERR_STORAGE_UNAVAILABLE', // the storage itself cannot be reached (disabled, privacy mode)
  'ERR_STORAGE_READ', // getItem threw
  'ERR_STORAGE_ASYNC', // the storage answered with a promise: only synchronous storage is supported
  'ERR_STORAGE_FULL', // setItem threw a quota error
  'ERR_STORAGE_WRITE', // setItem or removeItem threw something else
  'ERR_IMPORT_NOT_JSON', // the chosen file is not JSON
  'ERR_IMPORT_NOT_PROGRESS', // JSON, but not a progress export
  'ERR_IMPORT_VERSION', // no usable version, or one newer than this page knows
  'ERR_IMPORT_INVALID', // a progress export whose data does not fit the schema
  'ERR_MIGRATION', // a migration step threw (a bug: migrations must accept any input)
] as const;

export type ProgressErrorCode = (typeof PROGRESS_ERROR_CODES)[number];

/** The base of every progress error. */
export class ProgressError extends Error {
  override name = 'ProgressError';
  readonly code: ProgressErrorCode;
  constructor(code: ProgressErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The browser's storage refused an operation; the page keeps working in memory. */
export class ProgressStorageError extends ProgressError {
  override name = 'ProgressStorageError';
  readonly operation: 'access' | 'read' | 'write' | 'remove';
  readonly key: string | undefined;
  constructor(
    code: ProgressErrorCode,
    message: string,
    where: { operation: ProgressStorageError['operation']; key?: string; cause?: unknown },
  ) {
    super(code, message, { cause: where.cause });
    this.operation = where.operation;
    this.key = where.key;
  }
}

/** An imported file was refused; nothing was changed. */
export class ProgressImportError extends ProgressError {
  override name = 'ProgressImportError';
  /** Where in the file's data the first problem is, e.g. `exercises.jwt-auth/verify-token.attempts`. */
  readonly path: string | undefined;
  constructor(code: ProgressErrorCode, message: string, where: { path?: string; cause?: unknown } = {}) {
    super(code, message, { cause: where.cause });
    this.path = where.path;
  }
}

/** A migration step threw on the stored data. */
export class ProgressMigrationError extends ProgressError {
  override name = 'ProgressMigrationError';
  /** The version the failing step migrates to. */
  readonly toVersion: number;
  constructor(toVersion: number, cause: unknown) {
    super('ERR_MIGRATION', `The migration to version ${toVersion} failed: ${String(cause)}`, { cause });
    this.toVersion = toVersion;
  }
}
