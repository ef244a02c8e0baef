import type { ClipboardEvent } from 'react';

/**
 * Pastes past this many characters are inserted by the page, not by the browser's editing
 * command: Chromium's replace-selection command takes 18 s to paste 25,000 lines into any
 * textarea (0.6 s for 5,000), freezing the page. The cost is the browser's undo for that paste.
 */
export const LARGE_PASTE_CHARS = 20_000;

/**
 * Handles a large paste into a textarea in one step: the text replaces the selection (cut to
 * `maxLength` when the textarea has one), the caret lands after it, and `onValue` gets the new
 * value. Smaller pastes are left to the browser. Returns whether it handled the paste.
 */
export function pasteLargeText(event: ClipboardEvent<HTMLTextAreaElement>, onValue: (value: string) => void): boolean {
  const text = event.clipboardData.getData('text/plain');
  if (text.length <= LARGE_PASTE_CHARS) return false;
  event.preventDefault();
  const element = event.currentTarget;
  const { selectionStart, selectionEnd, value, maxLength } = element;
  const room = maxLength >= 0 ? Math.max(0, maxLength - (value.length - (selectionEnd - selectionStart))) : text.length;
  element.setRangeText(text.slice(0, room), selectionStart, selectionEnd, 'end');
  onValue(element.value);
  return true;
}
