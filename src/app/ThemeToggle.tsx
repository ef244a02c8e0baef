import { useEffect, useSyncExternalStore } from 'react';
import { applyTheme, browserStorage, currentTheme, readStoredTheme, storeTheme, type Theme } from './theme';

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const setTheme = (theme: Theme) => {
  applyTheme(document.documentElement, theme);
  for (const listener of listeners) listener();
};

/** A pressed/unpressed "Dark theme" switch; until pressed once, the page follows the system. */
export function ThemeToggle() {
  const theme = useSyncExternalStore(
    subscribe,
    () => currentTheme(document.documentElement),
    () => 'light' as Theme,
  );

  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    const followSystem = (event: MediaQueryListEvent) => {
      if (!readStoredTheme(browserStorage())) setTheme(event.matches ? 'dark' : 'light');
    };
    query.addEventListener('change', followSystem);
    return () => query.removeEventListener('change', followSystem);
  }, []);

  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="button button-quiet theme-toggle"
      aria-pressed={dark}
      onClick={() => {
        const next: Theme = dark ? 'light' : 'dark';
        storeTheme(browserStorage(), next);
        setTheme(next);
      }}
    >
      <span aria-hidden="true" className="theme-toggle-icon">
        {dark ? '☾' : '☀'}
      </span>{' '}
      <span className="theme-toggle-text">Dark theme</span>
    </button>
  );
}
