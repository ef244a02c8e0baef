// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { errorMessage } from './errorMessage';
import { isInsideFolder } from './insideFolder';
import { loadOnce } from './loadOnce';

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
