/** Keyboard focus helpers shared by every editor engine (Monaco, the textarea, the blank fields). */

const FOCUSABLE =
  'a[href], button, input, select, textarea, summary, iframe, [contenteditable="true"], [contenteditable=""], [tabindex]';

/** Moves focus to the next (or previous) focusable element outside `host`, in document order. */
export function moveFocusOutOf(host: HTMLElement, direction: 'forward' | 'backward'): void {
  const candidates = Array.from(document.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) =>
      element.tabIndex >= 0 &&
      !host.contains(element) &&
      !element.closest('[inert], [hidden]') &&
      !(element as HTMLButtonElement).disabled &&
      element.getClientRects().length > 0,
  );
  const follows = (element: HTMLElement) =>
    (host.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 &&
    (host.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_CONTAINS) === 0;
  const target =
    direction === 'forward' ? candidates.find(follows) : candidates.findLast((element) => !follows(element));
  if (target) target.focus();
  else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}

/**
 * The editors' way out, the same in every engine: Escape, then Tab (or Shift+Tab). Feed it
 * every keydown; it answers whether this key is that Tab. Modifier keys alone do not
 * break the sequence, so Escape then Shift+Tab works.
 *
 * @example const leave = escapeThenTab(); leave({ key: 'Escape' }); leave({ key: 'Tab' }) // true
 */
export function escapeThenTab(): (event: {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}) => boolean {
  let escaped = false;
  return (event) => {
    if (MODIFIER_KEYS.has(event.key)) return false;
    const leaves = escaped && event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey;
    escaped = event.key === 'Escape';
    return leaves;
  };
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta']);
