import type { EditorMode } from './monaco';

/** What the keys do in an editor: shown under every editor and read as its accessible description. */

/** The one way out of every editor, on every device. */
export const LEAVE_KEYS = 'Escape, then Tab';

/**
 * The keyboard note of an editor: what Tab does, how to leave, how to check.
 *
 * @example editorKeysNote('free') // 'Tab indents. To leave the editor, press Escape, then Tab. Ctrl+Enter checks your code.'
 */
export function editorKeysNote(mode: EditorMode): string {
  const tab = mode === 'blanks' ? 'Tab moves to the next blank.' : 'Tab indents.';
  return `${tab} To leave the editor, press ${LEAVE_KEYS}. Ctrl+Enter checks your code.`;
}
