export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'flask-course:theme';

/**
 * Runs inline in <head>, before the first paint, so a dark-theme learner
 * never sees a white flash. Injected into index.html by vite.config.ts.
 */
export const THEME_BOOT_SCRIPT = `(function(){var t;try{t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})}catch(e){}if(t!=="light"&&t!=="dark"){t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"}document.documentElement.dataset.theme=t;document.documentElement.style.colorScheme=t})()`;

/**
 * The page's localStorage, or undefined where reading `window.localStorage`
 * itself throws (a SecurityError when the browser blocks site data): every
 * caller then carries on for this visit without remembering anything.
 */
export function browserStorage(
  scope: { readonly localStorage: Storage } | undefined = globalThis.window,
): Storage | undefined {
  try {
    return scope?.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The learner's remembered choice, or undefined when the page follows the system. */
export function readStoredTheme(storage: Pick<Storage, 'getItem'> | undefined): Theme | undefined {
  try {
    const value = storage?.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined; // storage blocked: follow the system
  }
}

export function storeTheme(storage: Pick<Storage, 'setItem'> | undefined, theme: Theme): void {
  try {
    storage?.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage full or blocked: the choice still applies to this visit.
  }
}

export function applyTheme(root: HTMLElement, theme: Theme): void {
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}

export function currentTheme(root: HTMLElement): Theme {
  return root.dataset.theme === 'dark' ? 'dark' : 'light';
}
