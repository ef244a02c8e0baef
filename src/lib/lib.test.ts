// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorMessage } from './errorMessage';
import { isInsideFolder } from './insideFolder';
import { loadOnce, loadOnceBy } from './loadOnce';
import { localDateTime, utcOffset } from './localTime';
import { createSecondClock } from './secondClock';

describe('errorMessage', () => {
  it("gives an Error's message and any other thrown value as text", () => {
    expect(errorMessage(new RangeError('too far'))).toBe('too far');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(42)).toBe('42');
  });
});

describe('loadOnce', () => {
  it('loads once for every caller, and again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const load = loadOnce(async () => {
      calls += 1;
      if (fail) throw new Error('offline');
      return calls;
    });
    await expect(Promise.all([load(), load()])).rejects.toThrow('offline');
    expect(calls).toBe(1);
    fail = false;
    expect(await Promise.all([load(), load()])).toEqual([2, 2]);
    expect(await load()).toBe(2);
    expect(calls).toBe(2);
  });

  it('keeps one load per key (loadOnceBy), each forgotten on its own failure', async () => {
    const calls: string[] = [];
    const load = loadOnceBy(async (key: string) => {
      calls.push(key);
      if (key === 'bad' && calls.filter((call) => call === 'bad').length === 1) throw new Error('offline');
      return key.toUpperCase();
    });
    expect(await Promise.all([load('a'), load('a'), load('b')])).toEqual(['A', 'A', 'B']);
    await expect(load('bad')).rejects.toThrow('offline');
    expect(await load('bad')).toBe('BAD');
    expect(await load('a')).toBe('A');
    expect(calls).toEqual(['a', 'b', 'bad', 'bad']);
  });
});

describe('isInsideFolder', () => {
  it('is true only for paths below the folder, never for a sibling with the same prefix', () => {
    expect(isInsideFolder('/a/b', '/a/b/c.md')).toBe(true);
    expect(isInsideFolder('/a/b', '/a/b/../b/c.md')).toBe(true);
    expect(isInsideFolder('/a/b', '/a/bc/d.md')).toBe(false);
    expect(isInsideFolder('/a/b', '/a/b')).toBe(false);
    expect(isInsideFolder('/a/b', '/a/b/../c.md')).toBe(false);
  });
});

describe('createSecondClock', () => {
  it('reads whole seconds from the injected time, ticking for its listeners only while it has any', () => {
    vi.useFakeTimers();
    try {
      let ms = 1_700_000_000_900;
      const clock = createSecondClock(() => ms);
      expect(clock.read()).toBe(1_700_000_000);
      const seen: number[] = [];
      const stop = clock.subscribe(() => seen.push(clock.read()));
      ms += 1_000;
      vi.advanceTimersByTime(1_000);
      ms += 1_000;
      vi.advanceTimersByTime(1_000);
      expect(seen).toEqual([1_700_000_001, 1_700_000_002]);
      stop();
      ms += 5_000;
      vi.advanceTimersByTime(5_000);
      expect(seen).toHaveLength(2);
      expect(vi.getTimerCount()).toBe(0);
      expect(clock.read()).toBe(1_700_000_007);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('localDateTime', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('writes the moment in the time zone of the machine, with its offset', () => {
    process.env.TZ = 'UTC';
    expect(localDateTime(1_700_000_000)).toBe('2023-11-14 22:13:20 (UTC)');
    process.env.TZ = 'Asia/Kolkata';
    expect(localDateTime(1_700_000_000)).toBe('2023-11-15 03:43:20 (UTC+5:30)');
    process.env.TZ = 'America/New_York';
    expect(localDateTime(0)).toBe('1969-12-31 19:00:00 (UTC-5)');
  });

  it('says so when a claim is beyond the dates JavaScript can show', () => {
    expect(localDateTime(1e20)).toBe('100000000000000000000 (beyond the dates JavaScript can show)');
    expect(localDateTime(Number.NaN)).toContain('beyond the dates');
  });

  it('writes offsets as people do', () => {
    expect(utcOffset(0)).toBe('UTC');
    expect(utcOffset(-60)).toBe('UTC+1');
    expect(utcOffset(210)).toBe('UTC-3:30');
    expect(utcOffset(-345)).toBe('UTC+5:45');
  });
});
