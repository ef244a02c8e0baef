/**
 * Whether the browser skips rendering `element` for now: it is inside a block far from the
 * viewport (`content-visibility: auto`, see src/app/styles.css). Measuring such an element
 * makes the browser lay out its whole block at once. Asking costs nothing with this option
 * alone (a plain checkVisibility() styles the block).
 */
export function notRendered(element: Element): boolean {
  return element.checkVisibility?.({ contentVisibilityAuto: true }) === false;
}
