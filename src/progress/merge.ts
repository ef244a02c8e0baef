import {
  type AnyRecordDefinition,
  type ProgressData,
  progressModel,
  type RecordKind,
  type RemovedRecords,
  recordMaps,
  type Stamped,
} from './records';

/**
 * Merges another tab's progress into this tab's, entry by entry, so that
 * neither tab's edits are lost and no reset comes back: the union of the keys
 * of every map, and for a key both have, the record with the later
 * `updatedAt`, as each kind's `merge` says (see `defineRecord`; two copies
 * changed in the same millisecond are merged part by part). A record whose `updatedAt` is not
 * newer than a tombstone for its key (in `removed`, from either side) is left
 * out: it was reset after its last change. Commutative, associative and
 * idempotent (up to key order), so tabs that exchange saves in any order end
 * up holding the same.
 *
 * Unchanged maps and records keep their identity (`merged.exercises ===
 * mine.exercises` when nothing came in), so "nothing new" is cheap to detect
 * and does not re-render or re-save.
 *
 * @example
 * mergeProgress(thisTab, otherTab).exercises; // this tab's exercises plus the other tab's
 */
export function mergeProgress(mine: ProgressData, theirs: ProgressData): ProgressData {
  const removed = mergeRemoved(mine.removed, theirs.removed);
  let changed = removed !== mine.removed;
  const maps = recordMaps(mine).map(([record, own]): [RecordKind, Record<string, Stamped>] => {
    const merged = mergeKind(record, own, theirs[record.kind], removed);
    if (merged !== own) changed = true;
    return [record.kind, merged];
  });
  if (!changed) return mine;
  return { ...Object.fromEntries(maps), removed } as ProgressData;
}

/** One kind's maps merged: resettable kinds honour their tombstones. */
function mergeKind(
  record: AnyRecordDefinition,
  mine: Record<string, Stamped>,
  theirs: Record<string, Stamped>,
  removed: RemovedRecords,
): Record<string, Stamped> {
  // The kind's own merge, given two of its own records.
  const mergeEntry =
    (record.merge?.bind(record) as ((own: Stamped, their: Stamped) => Stamped) | undefined) ?? newerWhole;
  if (!record.resettable) return mergeMaps(mine, theirs, mergeEntry);
  const marks = (removed as Record<string, Record<string, string>>)[record.kind] ?? {};
  return mergeLiving(mine, theirs, marks, mergeEntry);
}

/**
 * The newer copy whole (equal times are settled by the content, the same way
 * in every tab): the default merge of a kind.
 */
export function newerWhole<T extends Stamped>(own: T, their: T): T {
  return newer(own, their, (record) => record.updatedAt) ?? own;
}

/**
 * A kind's `merge`: the newer of two copies of a record, whole: what the last change made of
 * it (merging part by part across a reset would bring back parts older than
 * the reset). Copies changed in the same millisecond in two tabs are merged
 * by `mergeParts`.
 */
export function newestOr<T extends { updatedAt: string }>(mergeParts: (own: T, their: T) => T) {
  return (own: T, their: T): T =>
    own.updatedAt > their.updatedAt ? own : their.updatedAt > own.updatedAt ? their : mergeParts(own, their);
}

/** Stored progress with the time it was last replaced as a whole (Reset all, Import). */
export interface ReplaceableProgress {
  data: ProgressData;
  replacedAt: string | undefined;
}

/**
 * `mergeProgress` across a replacement of the whole progress: the later
 * `replacedAt` of the two is a tombstone for every record, so records older
 * than it (on either side) are gone, and records made after it are kept.
 * An import stamps its records with the replacement's time.
 */
export function mergeReplaceable(mine: ReplaceableProgress, theirs: ReplaceableProgress): ReplaceableProgress {
  const replacedAt = later(mine.replacedAt, theirs.replacedAt);
  const data = mergeProgress(dropOlderThan(mine.data, replacedAt), dropOlderThan(theirs.data, replacedAt));
  if (data === mine.data && replacedAt === mine.replacedAt) return mine;
  return { data, replacedAt };
}

/** The data without the records (and tombstones) older than `time`; itself when none is. */
export function dropOlderThan(data: ProgressData, time: string | undefined): ProgressData {
  if (time === undefined) return data;
  const marks = data.removed as Record<string, Record<string, string>>;
  let removedChanged = false;
  const removed = Object.fromEntries(
    Object.entries(marks).map(([kind, map]) => {
      const kept = keepWhere(map, (deletedAt) => deletedAt >= time);
      if (kept !== map) removedChanged = true;
      return [kind, kept];
    }),
  ) as RemovedRecords;
  let changed = removedChanged;
  const maps = recordMaps(data).map(([record, map]) => {
    const kept = keepWhere(map, (entry) => entry.updatedAt >= time);
    if (kept !== map) changed = true;
    return [record.kind, kept];
  });
  if (!changed) return data;
  return { ...Object.fromEntries(maps), removed: removedChanged ? removed : data.removed } as ProgressData;
}

function keepWhere<T>(map: Record<string, T>, keep: (entry: T) => boolean): Record<string, T> {
  let result: Record<string, T> | undefined;
  for (const [key, entry] of Object.entries(map)) {
    if (keep(entry)) continue;
    result ??= { ...map };
    delete result[key];
  }
  return result ?? map;
}

/** The latest `updatedAt` (or tombstone) anywhere in the data: a tab's clock never goes below it. */
export function latestStamp(data: ProgressData): string {
  let latest = '';
  const see = (time: string) => {
    if (time > latest) latest = time;
  };
  for (const [, map] of recordMaps(data)) {
    for (const record of Object.values(map)) see(record.updatedAt);
  }
  for (const marks of Object.values(data.removed as Record<string, Record<string, string>>)) {
    for (const time of Object.values(marks)) see(time);
  }
  return latest;
}

function mergeRemoved(mine: RemovedRecords, theirs: RemovedRecords): RemovedRecords {
  const own = mine as Record<string, Record<string, string>>;
  const other = theirs as Record<string, Record<string, string>>;
  let changed = false;
  const merged = Object.fromEntries(
    progressModel().resettable.map((kind) => {
      const map = own[kind] ?? {};
      const result = mergeMaps(map, other[kind] ?? {}, laterText);
      if (result !== own[kind]) changed = true;
      return [kind, result];
    }),
  ) as RemovedRecords;
  return changed ? merged : mine;
}

/**
 * `mergeMaps` for records that can be reset: a record not newer than the
 * key's tombstone (already merged from both sides) is left out, whichever
 * side it came from.
 */
function mergeLiving<T extends { updatedAt: string }>(
  mine: Record<string, T>,
  theirs: Record<string, T>,
  removed: Record<string, string>,
  mergeEntry: (own: T, their: T) => T,
): Record<string, T> {
  const alive = (key: string, record: T | undefined): T | undefined => {
    if (record === undefined) return undefined;
    const deletedAt = Object.hasOwn(removed, key) ? removed[key] : undefined;
    return deletedAt !== undefined && record.updatedAt <= deletedAt ? undefined : record;
  };
  let result: Record<string, T> | undefined;
  const put = (key: string, record: T | undefined) => {
    const own = Object.hasOwn(mine, key) ? mine[key] : undefined;
    if (record === own) return;
    result ??= { ...mine };
    if (record === undefined) delete result[key];
    else result[key] = record;
  };
  for (const [key, their] of Object.entries(theirs)) {
    if (key === '__proto__') continue;
    const own = alive(key, Object.hasOwn(mine, key) ? mine[key] : undefined);
    const other = alive(key, their);
    if (own === undefined || other === undefined) {
      put(key, own ?? other);
      continue;
    }
    // The same record on both sides is left as it is (even one a merge would tidy up).
    if (jsonEqual(own, other)) {
      put(key, own);
      continue;
    }
    const merged = mergeEntry(own, other);
    put(key, jsonEqual(merged, own) ? own : merged);
  }
  // This tab's records that the other tab reset (and this tab did not change since).
  for (const key of Object.keys(removed)) {
    if (key === '__proto__' || !Object.hasOwn(mine, key) || Object.hasOwn(theirs, key)) continue;
    put(key, alive(key, mine[key]));
  }
  return result ?? mine;
}

function mergeMaps<T>(
  mine: Record<string, T>,
  theirs: Record<string, T>,
  mergeEntry: (own: T, their: T) => T,
): Record<string, T> {
  let result: Record<string, T> | undefined;
  for (const [key, their] of Object.entries(theirs)) {
    if (key === '__proto__') continue;
    const own = Object.hasOwn(mine, key) ? mine[key] : undefined;
    // The same record on both sides is left as it is (even one a merge would tidy up).
    if (own !== undefined && jsonEqual(own, their)) continue;
    const merged = own === undefined ? their : mergeEntry(own, their);
    if (own !== undefined && jsonEqual(merged, own)) continue;
    result ??= { ...mine };
    result[key] = merged;
  }
  return result ?? mine;
}

/** The record with the later time; equal times are settled by content, the same way in every tab. */
export function newer<T>(a: T | undefined, b: T | undefined, timeOf: (entry: T) => string): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return (compareText(timeOf(a), timeOf(b)) || compareText(canonicalJson(a), canonicalJson(b))) >= 0 ? a : b;
}

export function laterText(a: string, b: string): string {
  return a >= b ? a : b;
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return laterText(a, b);
}

/** ISO times (`toISOString()`) order as text. */
export function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with keys sorted, so equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    typeof entry === 'object' && entry !== null && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => compareText(a, b)))
      : entry,
  );
}

/** Deep equality of JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  const aEntries = Object.entries(a).filter(([, value]) => value !== undefined);
  const bRecord = b as Record<string, unknown>;
  const bCount = Object.values(bRecord).filter((value) => value !== undefined).length;
  return aEntries.length === bCount && aEntries.every(([key, value]) => jsonEqual(value, bRecord[key]));
}
