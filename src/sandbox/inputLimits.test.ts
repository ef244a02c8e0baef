import { describe, expect, it } from 'vitest';
import { limitText, MAX_TOKEN_CHARS, requestCutNote, tokenCutNote } from './inputLimits';

describe('input limits', () => {
  it('keeps text at or under the limit as it is, and cuts longer text, saying from what', () => {
    expect(limitText('abcd', 4)).toEqual({ text: 'abcd' });
    expect(limitText('abcdef', 4)).toEqual({ text: 'abcd', cutFrom: 6 });
    expect(limitText('x'.repeat(MAX_TOKEN_CHARS + 1), MAX_TOKEN_CHARS).text).toHaveLength(65_536);
  });

  it('names the limit and what was dropped', () => {
    expect(tokenCutNote(10_485_760)).toBe(
      'That token was 10,485,760 characters. The inspector takes at most 64 KB (65,536 characters): it kept the first 65,536 and inspects nothing past them. Real JWTs are a few hundred bytes to a few KB.',
    );
    expect(requestCutNote('body', 70_000)).toBe(
      'The body you entered was 70,000 characters. The simulator takes at most 64 KB (65,536 characters) of body: it kept the first 65,536 and dropped the rest.',
    );
  });
});
