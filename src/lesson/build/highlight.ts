import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { createHighlighter, type Highlighter } from 'shiki';

/** Languages fenced code in lessons may name. Anything else is an error with its line. */
export const HIGHLIGHT_LANGUAGES = ['python', 'json', 'http', 'bash', 'yaml', 'text'] as const;
export type HighlightLanguage = (typeof HIGHLIGHT_LANGUAGES)[number];

export function isHighlightLanguage(language: string): language is HighlightLanguage {
  return (HIGHLIGHT_LANGUAGES as readonly string[]).includes(language);
}

// The "default" GitHub themes keep comments above 4.5:1 contrast on our code backgrounds.
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
 * Token colours become short classes (`hl-0`, `hl-1`…) instead of inline
 * styles, and tokens in the default colour lose their span: the prerendered
 * page is a third of the size, and one stylesheet serves both themes.
 */
export class TokenClasses {
  private readonly classOf = new Map<string, string>();

  classFor(style: string): string {
    let name = this.classOf.get(style);
    if (!name) {
      name = `hl-${this.classOf.size}`;
      this.classOf.set(style, name);
    }
    return name;
  }

  /** CSS for every class handed out: light colours by default, dark ones under [data-theme=dark]. */
  stylesheet(): string {
    const rules: string[] = [];
    for (const [style, name] of this.classOf) {
      const declarations = parseStyle(style);
      const light = ['color', 'font-style', 'font-weight', 'text-decoration']
        .filter((property) => declarations[property])
        .map((property) => `${property}:${declarations[property]}`);
      const dark = ['color', 'font-style', 'font-weight', 'text-decoration']
        .filter((property) => declarations[`--shiki-dark${property === 'color' ? '' : `-${property}`}`])
        .map((property) => `${property}:${declarations[`--shiki-dark${property === 'color' ? '' : `-${property}`}`]}`);
      rules.push(`.${name}{${light.join(';')}}`, `:root[data-theme=dark] .${name}{${dark.join(';')}}`);
    }
    return `${rules.join('\n')}\n`;
  }
}

function parseStyle(style: string): Record<string, string> {
  const declarations: Record<string, string> = {};
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) declarations[part.slice(0, colon).trim().toLowerCase()] = part.slice(colon + 1).trim();
  }
  return declarations;
}

/** Highlights code for both themes at build time, with token colours as classes from `classes`. */
export async function highlightCode(code: string, language: HighlightLanguage, classes: TokenClasses): Promise<string> {
  const shiki = await getHighlighter();
  const tree = shiki.codeToHast(code.replace(/\n$/, ''), { lang: language, themes: THEMES, defaultColor: 'light' });
  const pre = tree.children[0] as Element;
  const blockStyle = parseStyle(String(pre.properties.style ?? ''));
  const isDefaultColour = (style: string) => {
    const token = parseStyle(style);
    return (
      Object.keys(token).length === 2 &&
      token.color?.toLowerCase() === blockStyle.color?.toLowerCase() &&
      token['--shiki-dark']?.toLowerCase() === blockStyle['--shiki-dark']?.toLowerCase()
    );
  };
  // The stylesheet owns the block's background and text colour.
  delete pre.properties.style;
  delete pre.properties.class;
  // Shiki makes every block a tab stop; the page makes one a tab stop only while it scrolls.
  delete pre.properties.tabIndex;
  delete pre.properties.tabindex;
  pre.properties.className = ['shiki'];
  pre.properties.dataLanguage = language;
  for (const line of (pre.children[0] as Element).children) {
    if (line.type !== 'element') continue;
    line.children = line.children.flatMap((token): ElementContent[] => {
      if (token.type !== 'element') return [token];
      const style = String(token.properties.style ?? '');
      if (!style || isDefaultColour(style)) return token.children;
      return [{ ...token, properties: { className: [classes.classFor(style)] } }];
    });
  }
  return toHtml(tree as Root);
}
