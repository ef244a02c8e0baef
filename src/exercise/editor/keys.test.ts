import { describe, expect, it } from 'vitest';
import { escapeThenTab } from './focus';
import { editorKeysNote, LEAVE_KEYS } from './keys';

describe('editorKeysNote', () => {
  it('names the same way out in both modes', () => {
    expect(editorKeysNote('blanks')).toBe(
      'Tab moves to the next blank. To leave the editor, press Escape, then Tab. Ctrl+Enter checks your code.',
    );
    expect(editorKeysNote('free')).toBe(
      'Tab indents. To leave the editor, press Escape, then Tab. Ctrl+Enter checks your code.',
    );
    expect(editorKeysNote('free')).toContain(LEAVE_KEYS);
  });
});

describe('escapeThenTab', () => {
  it('answers true only for a Tab right after Escape', () => {
    const leave = escapeThenTab();
    expect(leave({ key: 'Tab' })).toBe(false);
    expect(leave({ key: 'Escape' })).toBe(false);
    expect(leave({ key: 'Tab' })).toBe(true);
    expect(leave({ key: 'Tab' })).toBe(false);
  });

  it('lets Shift through (Escape, then Shift+Tab) but not another key or a modified Tab', () => {
    const leave = escapeThenTab();
    leave({ key: 'Escape' });
    expect(leave({ key: 'Shift' })).toBe(false);
    expect(leave({ key: 'Tab' })).toBe(true);
    leave({ key: 'Escape' });
    leave({ key: 'a' });
    expect(leave({ key: 'Tab' })).toBe(false);
    leave({ key: 'Escape' });
    expect(leave({ key: 'Tab', ctrlKey: true })).toBe(false);
  });
});
