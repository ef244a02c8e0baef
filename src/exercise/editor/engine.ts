/** Which editor a device gets. */

/**
 * A plain editor (the blank fields, or a textarea) instead of Monaco: on devices whose
 * only pointer is coarse (phones, tablets without a mouse), where Monaco's selection
 * handling and on-screen keyboard support are poor, and where the browser lacks what the
 * Monaco path needs (matchMedia, IntersectionObserver: jsdom). A narrow window on a
 * desktop keeps Monaco, which wraps its lines to any width.
 */
export function prefersPlainEditor(environment: {
  matchMedia?: ((query: string) => { matches: boolean }) | undefined;
  IntersectionObserver?: unknown;
}): boolean {
  if (typeof environment.matchMedia !== 'function' || environment.IntersectionObserver === undefined) return true;
  // Called on the object: window.matchMedia throws when detached from window.
  return environment.matchMedia('(pointer: coarse)').matches && !environment.matchMedia('(pointer: fine)').matches;
}
