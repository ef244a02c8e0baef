import { createHighlighter, type Highlighter } from 'shiki';

/** Languages fenced code in lessons may name. Anything else is an error with its line. */
export const HIGHLIGHT_LANGUAGES = ['python', 'json', 'http', 'bash', 'yaml', 'text'] as const;
export type HighlightLanguage = (typeof HIGHLIGHT_LANGUAGES)[number];

export function isHighlightLanguage(language: string): language is HighlightLanguage {
  return (HIGHLIGHT_LANGUAGES as readonly string[]).includes(language);
}

// The "default" GitHub themes keep comments above 4.5:1 contrast in both themes.
const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({
    themes: Object.values(THEMES),
    langs: HIGHLIGHT_LANGUAGES.filter((language) => language !== 'text'),
  });
  return highlighter;
}

/**
 * Highlights code for both themes at once: light colours inline, dark ones as
 * `--shiki-dark` variables that the stylesheet swaps in under `[data-theme=dark]`.
 */
export async function highlightCode(code: string, language: HighlightLanguage): Promise<string> {
  const shiki = await getHighlighter();
  return shiki.codeToHtml(code.replace(/\n$/, ''), {
    lang: language,
    themes: THEMES,
    defaultColor: 'light',
  });
}
