import { describe, expect, it } from 'vitest';
import { prefersPlainEditor } from './engine';

describe('prefersPlainEditor', () => {
  const media = (coarse: boolean, fine: boolean) => (query: string) => ({
    matches: query === '(pointer: coarse)' ? coarse : query === '(pointer: fine)' ? fine : false,
  });

  it('is true for a touch-only device and where the browser lacks matchMedia or IntersectionObserver', () => {
    expect(prefersPlainEditor({ matchMedia: media(true, false), IntersectionObserver: class {} })).toBe(true);
    expect(prefersPlainEditor({ IntersectionObserver: class {} })).toBe(true);
    expect(prefersPlainEditor({ matchMedia: media(false, true) })).toBe(true);
  });

  it('is false with a mouse or trackpad, even beside a touch screen', () => {
    expect(prefersPlainEditor({ matchMedia: media(false, true), IntersectionObserver: class {} })).toBe(false);
    expect(prefersPlainEditor({ matchMedia: media(true, true), IntersectionObserver: class {} })).toBe(false);
  });
});
