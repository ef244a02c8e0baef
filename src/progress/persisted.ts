import type { ProgressError } from './errors';
import { migrateProgress } from './migrations';
import { describeSanitizeProblems, sanitizeProgressReporting } from './sanitize';
import type { SafeStorage } from './storage';
import {
  emptyProgress,
  isRecord,
  PROGRESS_VERSION,
  type ProgressData,
  type ProgressNotice,
  pickProgressData,
} from './types';

/**
 * What is stored under the progress key (the envelope zustand's persist used
 * for v1, so v1 data reads as is):
 * `{ "state": ProgressData, "version": 2, "replacedAt"?: ISO time }`.
 * `replacedAt` says when the whole progress was last replaced (Reset all,
 * Import), so that other open tabs take the replacement instead of merging
 * the old records back in.
 */
export interface StoredProgress {
  state: ProgressData;
  version: number;
  replacedAt?: string;
}

export const MEMORY_ONLY_DETAIL = "Progress can't be saved in this browser: it will be lost when you close the page.";

export interface ParsedStoredProgress {
  data: ProgressData;
  replacedAt: string | undefined;
  /** What was wrong, as a sentence for the learner; undefined when the data read clean. */
  problem: string | undefined;
  /** Nothing of it could be used (not JSON, not an envelope). */
  unreadable: boolean;
  /** It came from an older version and was migrated: it should be written back. */
  migrated: boolean;
}

/**
 * Reads the stored text: parse, migrate from its version up, keep what is
 * valid. Never throws; says what was wrong in `problem`.
 */
export function parseStoredProgress(raw: string): ParsedStoredProgress {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return unreadable('Your saved progress could not be read (it is not valid JSON), so the course starts afresh.');
  }
  if (!isRecord(parsed) || !isRecord(parsed.state)) {
    return unreadable(
      'Your saved progress could not be read (it is not in the form this page saves), so the course starts afresh.',
    );
  }
  const replacedAt = typeof parsed.replacedAt === 'string' ? parsed.replacedAt : undefined;
  const version = parsed.version;
  let problem: string | undefined;
  let fromVersion: number;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    problem = 'Your saved progress had no version number; what could be read was kept.';
    fromVersion = 0;
  } else if (version > PROGRESS_VERSION) {
    problem = `Your saved progress comes from a newer version (${version}) of the course; what this version understands was kept.`;
    fromVersion = version;
  } else {
    fromVersion = version;
  }

  let state: unknown = parsed.state;
  let migrated = false;
  try {
    const result = migrateProgress(state, fromVersion);
    state = result.data;
    migrated = result.applied.length > 0;
  } catch (error) {
    problem ??= `Your saved progress could not be brought up to date (${(error as ProgressError).code}); what could be read was kept.`;
  }

  // The sanitiser checks as strictly as the zod schema (a test holds them together) and keeps zod,
  // needed only to import a file, out of the page's first load.
  const { data, problems } = sanitizeProgressReporting(state);
  if (problems.length > 0 && problem === undefined) {
    problem = `Part of your saved progress was damaged and has been left out (${describeSanitizeProblems(problems)}).`;
  }
  return { data, replacedAt, problem, unreadable: false, migrated };
}

function unreadable(problem: string): ParsedStoredProgress {
  return { data: emptyProgress(), replacedAt: undefined, problem, unreadable: true, migrated: false };
}

export function serializeStoredProgress(data: ProgressData, replacedAt: string | undefined): string {
  const stored: StoredProgress = {
    state: pickProgressData(data),
    version: PROGRESS_VERSION,
    ...(replacedAt === undefined ? {} : { replacedAt }),
  };
  return JSON.stringify(stored);
}

export interface OpenedProgress {
  data: ProgressData;
  replacedAt: string | undefined;
  notice: ProgressNotice | undefined;
  /** False when the stored data could not be read: writing would overwrite what may still be there. */
  canWrite: boolean;
}

/**
 * Loads the progress for a new store. Damaged or unknown data is recovered
 * from once: the original text is copied to `backupKey`, the cleaned data is
 * written back (so the next load is clean) and the notice says what happened.
 */
export function openStoredProgress(storage: SafeStorage, key: string, backupKey: string): OpenedProgress {
  const read = storage.read(key);
  if (!read.ok) {
    return {
      data: emptyProgress(),
      replacedAt: undefined,
      notice: { kind: 'memory-only', detail: MEMORY_ONLY_DETAIL },
      canWrite: false,
    };
  }
  if (read.value === null) return { data: emptyProgress(), replacedAt: undefined, notice: undefined, canWrite: true };

  const parsed = parseStoredProgress(read.value);
  const opened: OpenedProgress = {
    data: parsed.data,
    replacedAt: parsed.replacedAt,
    notice: undefined,
    canWrite: true,
  };
  if (parsed.problem === undefined && !parsed.migrated) return opened;

  const backedUp = parsed.problem === undefined || storage.write(backupKey, read.value).ok;
  const written = storage.write(key, serializeStoredProgress(parsed.data, parsed.replacedAt));
  if (!written.ok) {
    const detail = parsed.problem === undefined ? MEMORY_ONLY_DETAIL : `${MEMORY_ONLY_DETAIL} ${parsed.problem}`;
    return { ...opened, notice: { kind: 'memory-only', detail } };
  }
  if (parsed.problem !== undefined) {
    const backup = backedUp
      ? `A copy of the original was kept in this browser's storage under "${backupKey}".`
      : 'A copy of the original could not be kept (the storage refused it).';
    return { ...opened, notice: { kind: 'recovered', detail: `${parsed.problem} ${backup}` } };
  }
  return opened;
}
