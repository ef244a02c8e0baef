import { useSyncExternalStore } from 'react';

/*
 * Whether the course menu is open (narrow screens). The header's button and the sidebar
 * are separate islands (src/app/islands.tsx), so they share this small store, not state.
 */
let open = false;
const listeners = new Set<() => void>();

export function setMenuOpen(next: boolean): void {
  if (next === open) return;
  open = next;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The menu is closed in the prerendered HTML, and so in hydration. */
export const useMenuOpen = () =>
  useSyncExternalStore(
    subscribe,
    () => open,
    () => false,
  );
