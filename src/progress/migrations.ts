import { ProgressMigrationError } from './errors';
import { isRecord, PROGRESS_VERSION } from './types';

/**
 * One step of the stored data's history: turns data of version `to - 1` (or
 * older, already migrated up to it) into version `to`. Pure, and must accept
 * anything: stored data may be damaged, and is sanitised only afterwards.
 */
export interface Migration {
  to: number;
  migrate: (data: unknown) => unknown;
}

/** Ordered by `to`, ending at `PROGRESS_VERSION` (a test holds both). */
export const MIGRATIONS: readonly Migration[] = [
  {
    // v2: exercises and quizzes are kept with the progress.
    to: 2,
    migrate: (data) =>
      isRecord(data)
        ? {
            ...data,
            exercises: data.exercises === undefined ? {} : data.exercises,
            quizzes: data.quizzes === undefined ? {} : data.quizzes,
          }
        : data,
  },
  {
    // v3: every record carries the time it last changed, example edits become
    // `{ code, updatedAt }`, and resets leave tombstones (`removed`), so that
    // merges between tabs keep the newest copy and resets hold. Records from
    // before count as the oldest ("") unless they carry a time of their own.
    to: 3,
    migrate: (data) =>
      isRecord(data)
        ? {
            ...data,
            lessons: mapEntries(data.lessons, (lesson) =>
              isRecord(lesson) && lesson.updatedAt === undefined
                ? { ...lesson, updatedAt: latestText(lesson.firstVisitedAt, lesson.completedAt) }
                : lesson,
            ),
            exampleEdits: mapEntries(data.exampleEdits, (code) =>
              typeof code === 'string' ? { code, updatedAt: '' } : code,
            ),
            exercises: mapEntries(data.exercises, withUpdatedAt),
            quizzes: mapEntries(data.quizzes, withUpdatedAt),
            removed: data.removed === undefined ? { exampleEdits: {}, exercises: {}, quizzes: {} } : data.removed,
          }
        : data,
  },
];

/** A JSON object with each value changed; anything else as it is (the sanitiser deals with it). */
function mapEntries(value: unknown, change: (entry: unknown) => unknown): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, change(entry)]));
}

function withUpdatedAt(entry: unknown): unknown {
  return isRecord(entry) && entry.updatedAt === undefined ? { ...entry, updatedAt: '' } : entry;
}

function latestText(...values: unknown[]): string {
  return values.reduce<string>((latest, value) => (typeof value === 'string' && value > latest ? value : latest), '');
}

/**
 * Runs, in order, every step above `fromVersion` up to `toVersion`.
 *
 * @example
 * migrateProgress({ lessons: {} }, 1).data; // { lessons: {}, exercises: {}, quizzes: {} }
 * @throws {ProgressMigrationError} when a step throws (code `ERR_MIGRATION`).
 */
export function migrateProgress(
  data: unknown,
  fromVersion: number,
  {
    migrations = MIGRATIONS,
    toVersion = PROGRESS_VERSION,
  }: { migrations?: readonly Migration[]; toVersion?: number } = {},
): { data: unknown; applied: number[] } {
  let current = data;
  const applied: number[] = [];
  for (const step of migrations) {
    if (step.to <= fromVersion || step.to > toVersion) continue;
    try {
      current = step.migrate(current);
    } catch (cause) {
      throw new ProgressMigrationError(step.to, cause);
    }
    applied.push(step.to);
  }
  return { data: current, applied };
}
