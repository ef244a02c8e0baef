import type { ProgressError } from './errors';
import { migrateProgress } from './migrations';
import { emptyProgress, type ProgressData, pickProgressData } from './records';
import { describeSanitizeProblems, sanitizeProgressReporting } from './sanitize';
import type { SafeStorage } from './storage';
import { isRecord, PROGRESS_BACKUP_SLOTS, PROGRESS_VERSION, type ProgressNotice } from './types';

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

/** Why the page runs on memory although the storage works: what is stored must not be overwritten. */
export const UNSAVED_DETAIL = {
  newer:
    'Your progress was saved by a newer version of this page. It is left as it is, and changes made here will not be saved.',
  unreadable:
    'Your saved progress could not be read, and no copy of it could be kept, so it is left as it is: changes made here will not be saved.',
  damaged:
    'Part of your saved progress was damaged, and no copy of it could be kept, so it is left as it is: changes made here will not be saved.',
} as const;

export interface ParsedStoredProgress {
  data: ProgressData;
  replacedAt: string | undefined;
  /** What was wrong, as a sentence for the learner; undefined when the data read clean. */
  problem: string | undefined;
  /** Nothing of it could be used (not JSON, not an envelope). */
  unreadable: boolean;
  /** It came from an older version and was migrated: it should be written back. */
  migrated: boolean;
  /** The version it was saved with, when newer than this page's: it must not be overwritten. */
  newerVersion: number | undefined;
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
  let newerVersion: number | undefined;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    problem = 'Your saved progress had no version number; what could be read was kept.';
    fromVersion = 0;
  } else if (version > PROGRESS_VERSION) {
    problem = `Your saved progress comes from a newer version (${version}) of the course.`;
    fromVersion = version;
    newerVersion = version;
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

  // Recovery is derived from the same schemas the import checks with (a test holds them together).
  const { data, problems } = sanitizeProgressReporting(state);
  if (problems.length > 0 && problem === undefined) {
    problem = `Part of your saved progress was damaged and has been left out (${describeSanitizeProblems(problems)}).`;
  }
  return { data, replacedAt, problem, unreadable: false, migrated, newerVersion };
}

function unreadable(problem: string): ParsedStoredProgress {
  return {
    data: emptyProgress(),
    replacedAt: undefined,
    problem,
    unreadable: true,
    migrated: false,
    newerVersion: undefined,
  };
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
  /**
   * False when the stored text must not be overwritten (it could not be read, or a newer
   * version wrote it, and no copy of it could be kept) or the storage cannot be reached.
   */
  canWrite: boolean;
  /** What the storage holds now, as text (undefined when nothing is, or it could not be read). */
  raw: string | undefined;
}

/**
 * Loads the progress for a new store. Stored data is never overwritten with
 * less than it holds unless a copy of it was kept first:
 * - from a newer version: read as far as this version understands, and left
 *   untouched (the page runs on memory and says so);
 * - damaged or unreadable: copied to a backup slot (`backupKey:1..N`), then
 *   the cleaned data is written back and the notice says where the copy is;
 *   when no copy can be kept, left untouched and the page runs on memory;
 * - from an older version: migrated and written back.
 */
export function openStoredProgress(
  storage: SafeStorage,
  key: string,
  backupKey: string,
  now = new Date(),
): OpenedProgress {
  const read = storage.read(key);
  if (!read.ok) {
    return {
      data: emptyProgress(),
      replacedAt: undefined,
      notice: { kind: 'memory-only', detail: MEMORY_ONLY_DETAIL },
      canWrite: false,
      raw: undefined,
    };
  }
  const raw = read.value;
  if (raw === null) {
    return { data: emptyProgress(), replacedAt: undefined, notice: undefined, canWrite: true, raw: undefined };
  }

  const parsed = parseStoredProgress(raw);
  const opened: OpenedProgress = {
    data: parsed.data,
    replacedAt: parsed.replacedAt,
    notice: undefined,
    canWrite: true,
    raw,
  };
  if (parsed.newerVersion !== undefined) {
    return { ...opened, canWrite: false, notice: { kind: 'memory-only', detail: UNSAVED_DETAIL.newer } };
  }
  if (parsed.problem === undefined && !parsed.migrated) return opened;

  if (parsed.problem !== undefined) {
    const backup = backUpStoredProgress(storage, backupKey, raw, now);
    if (!backup.ok) {
      const detail = parsed.unreadable ? UNSAVED_DETAIL.unreadable : UNSAVED_DETAIL.damaged;
      return { ...opened, canWrite: false, notice: { kind: 'memory-only', detail } };
    }
    const cleaned = serializeStoredProgress(parsed.data, parsed.replacedAt);
    if (!storage.write(key, cleaned).ok) {
      return { ...opened, notice: { kind: 'memory-only', detail: `${MEMORY_ONLY_DETAIL} ${parsed.problem}` } };
    }
    const kept = `A copy of the original was kept in this browser's storage under "${backup.key}".`;
    return { ...opened, raw: cleaned, notice: { kind: 'recovered', detail: `${parsed.problem} ${kept}` } };
  }

  // Migrated cleanly: nothing is lost by writing it back in this version's shape.
  const migrated = serializeStoredProgress(parsed.data, parsed.replacedAt);
  if (!storage.write(key, migrated).ok) {
    return { ...opened, notice: { kind: 'memory-only', detail: MEMORY_ONLY_DETAIL } };
  }
  return { ...opened, raw: migrated };
}

/**
 * Copies `raw` into one of the backup slots: one that already holds the same
 * text, else an empty one, else the oldest. A slot holds `<ISO time>\n<text>`.
 */
export function backUpStoredProgress(
  storage: SafeStorage,
  backupKey: string,
  raw: string,
  now: Date,
): { ok: true; key: string } | { ok: false } {
  let target: { key: string; time: string } | undefined;
  for (let slot = 1; slot <= PROGRESS_BACKUP_SLOTS; slot++) {
    const slotKey = `${backupKey}:${slot}`;
    const held = storage.read(slotKey);
    if (!held.ok) return { ok: false };
    if (held.value === null) {
      if (target === undefined || target.time !== '') target = { key: slotKey, time: '' };
      continue;
    }
    const newline = held.value.indexOf('\n');
    if (held.value.slice(newline + 1) === raw) return { ok: true, key: slotKey };
    const time = newline === -1 ? '' : held.value.slice(0, newline);
    if (target === undefined || (target.time !== '' && time < target.time)) target = { key: slotKey, time };
  }
  if (target === undefined) return { ok: false };
  return storage.write(target.key, `${now.toISOString()}\n${raw}`).ok ? { ok: true, key: target.key } : { ok: false };
}
