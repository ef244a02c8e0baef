import type { StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { latestStamp, mergeReplaceable, type ReplaceableProgress } from './merge';
import {
  MEMORY_ONLY_DETAIL,
  openStoredProgress,
  type ParsedStoredProgress,
  parseStoredProgress,
  serializeStoredProgress,
  UNSAVED_DETAIL,
} from './persisted';
import {
  type AnyRecordDefinition,
  emptyProgress,
  emptyRemoved,
  type ProgressActions,
  type ProgressData,
  pickProgressData,
  progressModel,
  type RecordApi,
  type Stamped,
} from './records';
import { sanitizeProgress } from './sanitize';
import { createSafeStorage } from './storage';
import { PROGRESS_BACKUP_KEY, PROGRESS_STORAGE_KEY, type ProgressNotice } from './types';

export { type LessonStatus, lessonStatus } from './completion';
export type { ProgressActions, ProgressData } from './records';
export { sanitizeProgress } from './sanitize';
export {
  PROGRESS_BACKUP_KEY,
  PROGRESS_STORAGE_KEY,
  PROGRESS_VERSION,
  type ProgressNotice,
} from './types';

/**
 * The store's state: the data (a map per registered kind), each kind's actions
 * (its slice: `markVisited`, `saveQuizProgress`, …), and the envelope's.
 */
export interface ProgressState extends ProgressData, ProgressActions {
  /** Said once to the learner: stored progress was recovered, or cannot be saved. */
  storageNotice: ProgressNotice | undefined;
  /**
   * When the whole progress was last replaced (Reset all, Import): another tab
   * seeing a newer one takes this tab's data as it is instead of merging.
   */
  replacedAt: string | undefined;
  /** Forgets everything: visits, edits, exercises, quizzes. */
  resetAllProgress: (now?: Date) => void;
  /** Takes `data` (an import) in place of everything. */
  replaceProgress: (data: ProgressData, now?: Date) => void;
  /**
   * Merges what another tab saved (the raw stored text, from a `storage`
   * event). Text this page cannot represent (unreadable, or from a newer
   * version) is ignored.
   */
  receiveSaved: (raw: string) => void;
  dismissNotice: () => void;
}

/**
 * The learner's progress, persisted under `PROGRESS_STORAGE_KEY` as
 * `{ state, version, replacedAt? }` (see `persisted.ts`). Pass a storage (a
 * fake one in tests). Whatever the storage does (missing, throwing, full,
 * holding damaged data or data of a newer version) the store works, in memory
 * if it must, never overwrites what it could not represent, and says so once
 * in `storageNotice`.
 *
 * Every save reads the stored copy first and merges it in (another tab may
 * have saved since), and writes only when this tab has something the stored
 * copy lacks: a tab never writes back an older copy over a newer one.
 */
export function createProgressStore(getStorage: () => StateStorage) {
  const storage = createSafeStorage(getStorage);
  const opened = openStoredProgress(storage, PROGRESS_STORAGE_KEY, PROGRESS_BACKUP_KEY);
  let canWrite = opened.canWrite;
  /** The text this tab last wrote or merged: when storage still holds it, there is nothing to read. */
  let lastSeenRaw = opened.raw;
  let lastParsed: { raw: string; parsed: ParsedStoredProgress } | undefined;
  const parse = (raw: string) => {
    if (lastParsed?.raw !== raw) lastParsed = { raw, parsed: parseStoredProgress(raw) };
    return lastParsed.parsed;
  };

  // Times are stamped by a clock that never runs backwards and never goes below a time this
  // tab has seen, so a change made here is newer than every copy it was made from.
  let clock = 0;
  const seeTime = (time: string | undefined) => {
    const ms = time ? Date.parse(time) : Number.NaN;
    if (Number.isFinite(ms) && ms > clock) clock = ms;
  };
  const seeData = (data: ProgressData, replacedAt: string | undefined) => {
    seeTime(latestStamp(data));
    seeTime(replacedAt);
  };
  const stamp = (now: Date) => {
    clock = Math.max(now.getTime(), clock + 1);
    return new Date(clock).toISOString();
  };
  seeData(opened.data, opened.replacedAt);

  let saving = false;
  let canWriteNotice: ProgressNotice | undefined;
  /**
   * Merges in what another tab saved since this tab last looked, before a change is made
   * (so the change applies to the newest copy) and before a save. Says false when the
   * stored text must not be overwritten.
   */
  const catchUp = (): boolean => {
    const read = storage.read(PROGRESS_STORAGE_KEY);
    if (!read.ok || read.value === null || read.value === lastSeenRaw) return true;
    const stored = parse(read.value);
    if (stored.unreadable || stored.newerVersion !== undefined) {
      canWriteNotice = {
        kind: 'memory-only',
        detail: stored.unreadable ? UNSAVED_DETAIL.unreadable : UNSAVED_DETAIL.newer,
      };
      return false;
    }
    lastSeenRaw = read.value;
    const state = store.getState();
    const mine: ReplaceableProgress = { data: pickProgressData(state), replacedAt: state.replacedAt };
    const theirs: ReplaceableProgress = { data: stored.data, replacedAt: stored.replacedAt };
    const merged = mergeReplaceable(mine, theirs);
    if (merged !== mine) {
      seeData(merged.data, merged.replacedAt);
      saving = true;
      store.setState({ ...merged.data, replacedAt: merged.replacedAt });
      saving = false;
    }
    // The stored copy holds everything this tab has: nothing to write back.
    return mergeReplaceable(theirs, merged) === theirs;
  };

  const store = createStore<ProgressState>()((rawSet) => {
    const set = ((partial: Parameters<typeof rawSet>[0]) => {
      if (canWrite) catchUp();
      rawSet(partial as never);
    }) as typeof rawSet;
    const maps = (state: ProgressState) => state as unknown as Record<string, Record<string, Stamped>>;
    const marks = (state: ProgressState) => state.removed as Record<string, Record<string, string>>;
    /** What a kind's actions may do: change or forget its own records, through `set` and the clock. */
    const recordApi = ({ kind }: AnyRecordDefinition): RecordApi<Stamped> => ({
      update: (key, now, change) =>
        set((state) => {
          const map = maps(state)[kind] ?? {};
          const record = change(Object.hasOwn(map, key) ? map[key] : undefined, () => stamp(now));
          return record === undefined ? state : ({ [kind]: { ...map, [key]: record } } as Partial<ProgressState>);
        }),
      forget: (key, now) =>
        set((state) => {
          // The tombstone is left even when this tab holds no copy: another tab may.
          const remaining = { ...maps(state)[kind] };
          delete remaining[key];
          // The tombstone makes the reset hold in the other tabs (see `mergeProgress`).
          const removed = { ...state.removed, [kind]: { ...marks(state)[kind], [key]: stamp(now) } };
          return { [kind]: remaining, removed } as Partial<ProgressState>;
        }),
    });
    // Each kind's actions get its own records (`never`: see `AnyRecordDefinition`).
    const slices = progressModel().records.map((record) => record.actions?.(recordApi(record) as never) ?? {});

    return {
      ...opened.data,
      storageNotice: opened.notice,
      replacedAt: opened.replacedAt,
      ...(Object.assign({}, ...slices) as ProgressActions),
      resetAllProgress: (now = new Date()) => set({ ...emptyProgress(), replacedAt: stamp(now) }),
      replaceProgress: (data, now = new Date()) => {
        const at = stamp(now);
        set({ ...restamp(sanitizeProgress(data), at), replacedAt: at });
      },
      receiveSaved: (raw) => {
        const incoming = parse(raw);
        if (incoming.unreadable || incoming.newerVersion !== undefined) return;
        // Merged into the newest state (`set` catches up with the storage first, which may
        // already hold more than this event says).
        set((state) => {
          const mine: ReplaceableProgress = { data: pickProgressData(state), replacedAt: state.replacedAt };
          const merged = mergeReplaceable(mine, { data: incoming.data, replacedAt: incoming.replacedAt });
          if (merged === mine) return state;
          seeData(merged.data, merged.replacedAt);
          return { ...merged.data, replacedAt: merged.replacedAt };
        });
      },
      dismissNotice: () => set({ storageNotice: undefined }),
    };
  });

  const say = (notice: ProgressNotice) => store.setState({ storageNotice: notice });
  let memoryOnlySaid = opened.notice?.kind === 'memory-only';
  const save = () => {
    if (!canWrite) return;
    const before = lastSeenRaw;
    const upToDate = catchUp();
    if (canWriteNotice) {
      // Never overwrite what this page cannot represent (a newer version of the page wrote it).
      canWrite = false;
      memoryOnlySaid = true;
      say(canWriteNotice);
      return;
    }
    if (upToDate && lastSeenRaw !== before) return;
    const state = store.getState();
    const raw = serializeStoredProgress(pickProgressData(state), state.replacedAt);
    if (raw === lastSeenRaw) return;
    const written = storage.write(PROGRESS_STORAGE_KEY, raw);
    if (written.ok) {
      lastSeenRaw = raw;
    } else if (!memoryOnlySaid) {
      // A refused write leaves the progress in memory and says so once; later writes are
      // still tried, in case the storage had only been full for a while.
      memoryOnlySaid = true;
      say({ kind: 'memory-only', detail: MEMORY_ONLY_DETAIL });
    }
  };
  store.subscribe((state, previous) => {
    if (saving || !dataChanged(state, previous)) return;
    save();
  });
  return store;
}

/** Imported records count as made at the import (`at`), so the import's replacement keeps them. */
function restamp(data: ProgressData, at: string): ProgressData {
  const stampAll = <T extends Stamped>(map: Record<string, T>) =>
    Object.fromEntries(Object.entries(map).map(([key, record]) => [key, { ...record, updatedAt: at }]));
  return {
    ...Object.fromEntries(
      progressModel().records.map(({ kind }) => [kind, stampAll(data[kind] as Record<string, Stamped>)]),
    ),
    removed: emptyRemoved(),
  } as ProgressData;
}

function dataChanged(state: ProgressState, previous: ProgressState): boolean {
  return (
    progressModel().records.some(({ kind }) => state[kind] !== previous[kind]) ||
    state.removed !== previous.removed ||
    state.replacedAt !== previous.replacedAt
  );
}

export type ProgressStore = ReturnType<typeof createProgressStore>;
