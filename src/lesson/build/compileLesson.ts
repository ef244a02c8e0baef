import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Heading, Link, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toHast } from 'mdast-util-to-hast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { EMBED_NAMES, EMBEDS, isEmbedName } from '../embedList.ts';
import type { EmbedData, LessonBlock, LessonHeading, LessonPart, LessonSection } from '../types.ts';
import type { EmbedChunk, EmbedContext } from './embedCompiler.ts';
import { EMBED_COMPILERS } from './embedCompilers.ts';
import { ContentError } from './errors.ts';
import { type HighlightLanguage, highlightCode, isHighlightLanguage, type TokenClasses } from './highlight.ts';
import { type FrontMatter, frontMatterSchema, stableId } from './schemas.ts';
import { parseYamlData } from './yamlData.ts';

/** A link from one lesson to another (or to a heading), checked once every lesson is compiled. */
export interface LessonLink {
  lessonId: string;
  headingId: string | undefined;
  where: { file: string; line: number | undefined; column: number | undefined };
}

export interface CompiledLessonFile {
  frontMatter: FrontMatter | undefined;
  /** Where a front-matter key is written, for errors found later. */
  locateFrontMatter: (key: string) => { file: string; line: number; column: number };
  headings: LessonHeading[];
  sections: LessonSection[];
  /** Every id the page will carry (headings and embeds), for links into this lesson. */
  ids: Set<string>;
  links: LessonLink[];
  /** Files the lesson reads besides lesson.md, for the dev server to watch. */
  includedFiles: string[];
  /** What embeds load on demand (an exercise's details, a quiz's questions), by `<embed>/<id>`. */
  chunks: Map<string, EmbedChunk>;
  /** The graded parts, in page order (without the lesson id in their keys yet). */
  parts: Array<Omit<LessonPart, 'key'> & { id: string }>;
  errors: ContentError[];
}

const HEADING_ID = /\s*\{#([^}\s]*)\}\s*$/;
const LANGUAGE_OF_EXTENSION: Record<string, HighlightLanguage> = {
  '.py': 'python',
  '.json': 'json',
  '.txt': 'text',
  '.sh': 'bash',
  '.yaml': 'yaml',
  '.yml': 'yaml',
};

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

/**
 * Compiles one lesson.md into page data: sections of prerendered HTML and
 * embed data, with code highlighted. Never throws on bad content: every
 * mistake is returned in `errors` with its line, so all of them are reported
 * at once.
 */
export async function compileLessonFile(options: {
  /** Absolute path of lesson.md. */
  file: string;
  /** How to print a path in messages (relative to the project). */
  relative: (file: string) => string;
  /** Shared by every lesson of a build, so one stylesheet colours all code. */
  tokenClasses: TokenClasses;
}): Promise<CompiledLessonFile> {
  const { file, relative, tokenClasses } = options;
  const lessonDir = path.dirname(file);
  const relFile = relative(file);
  const errors: ContentError[] = [];
  const result: CompiledLessonFile = {
    frontMatter: undefined,
    locateFrontMatter: () => ({ file: relFile, line: 1, column: 1 }),
    headings: [],
    sections: [],
    ids: new Set(),
    links: [],
    includedFiles: [],
    chunks: new Map(),
    parts: [],
    errors,
  };
  const at = (node: { position?: { start: { line: number; column: number } } | undefined }) => ({
    file: relFile,
    line: node.position?.start.line,
    column: node.position?.start.column,
  });

  const text = (await readFile(file, 'utf8')).replace(/\r\n?/g, '\n');
  const tree = parser.parse(text) as Root;

  // Front matter.
  const [first, ...body] = tree.children;
  if (first?.type === 'yaml') {
    const parsed = parseYamlData(frontMatterSchema, {
      text: first.value,
      file: relFile,
      firstLine: (first.position?.start.line ?? 1) + 1,
      code: 'ERR_FRONT_MATTER',
    });
    errors.push(...parsed.errors);
    result.frontMatter = parsed.data;
    result.locateFrontMatter = (key) => parsed.locate([key]);
    if (parsed.data && parsed.data.id !== path.basename(lessonDir)) {
      errors.push(
        new ContentError(
          'ERR_FRONT_MATTER',
          `"id: ${parsed.data.id}" must match the lesson's folder name "${path.basename(lessonDir)}"`,
          parsed.locate(['id']),
        ),
      );
    }
  } else {
    errors.push(
      new ContentError('ERR_FRONT_MATTER', 'lesson.md must start with front matter between --- lines', {
        file: relFile,
        line: 1,
      }),
    );
    if (first) body.unshift(first);
  }

  // Prose colons ("note:this") parse as text directives; no inline embeds exist, so put the text back.
  visit(tree, 'textDirective', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const restored: Text = { type: 'text', value: text.slice(start, end) };
    parent.children.splice(index, 1, restored);
    return [SKIP, index + 1];
  });

  const claimId = (id: string, node: RootContent) => {
    if (result.ids.has(id)) {
      errors.push(new ContentError('ERR_DUPLICATE_ID', `The id "${id}" is used twice in this lesson`, at(node)));
    }
    result.ids.add(id);
  };

  // Checks that apply anywhere in the tree: unsupported Markdown, nested embeds, links.
  visit({ type: 'root', children: body } as Root, (node, _index, parent) => {
    if (node.type === 'html') {
      errors.push(
        new ContentError('ERR_MARKDOWN', 'Raw HTML is not allowed in lessons; use Markdown or an embed', at(node)),
      );
    } else if (node.type === 'image' || node.type === 'imageReference') {
      errors.push(new ContentError('ERR_MARKDOWN', 'Images are not supported in lessons yet', at(node)));
    } else if ((node.type === 'containerDirective' || node.type === 'leafDirective') && parent?.type !== 'root') {
      errors.push(
        new ContentError(
          'ERR_EMBED',
          `The embed "${node.name}" must stand on its own, not inside other Markdown`,
          at(node),
        ),
      );
    } else if (node.type === 'code' && parent?.type !== 'containerDirective') {
      if (node.lang && !isHighlightLanguage(node.lang)) {
        errors.push(
          new ContentError(
            'ERR_MARKDOWN',
            `Unknown code language "${node.lang}"; use one of: python, json, http, bash, yaml, text`,
            at(node),
          ),
        );
      }
    } else if (node.type === 'link') {
      checkLink(node);
    }
  });

  function checkLink(node: Link) {
    const where = at(node);
    const lessonLink = /^\/lessons\/([^/#?]*)\/?(?:#(.*))?$/.exec(node.url);
    if (lessonLink) {
      result.links.push({ lessonId: lessonLink[1] ?? '', headingId: lessonLink[2] || undefined, where });
    } else if (node.url.startsWith('#')) {
      result.links.push({ lessonId: path.basename(lessonDir), headingId: node.url.slice(1), where });
    } else if (!/^(https?:|mailto:)/.test(node.url)) {
      errors.push(
        new ContentError(
          'ERR_LESSON_LINK',
          `Link "${node.url}" is neither /lessons/<id>, #heading-id nor an https: address`,
          where,
        ),
      );
    }
  }

  // Sections: each level-2 heading opens one; everything up to the next belongs to it.
  let section: LessonSection | undefined;
  let pending: RootContent[] = [];
  const flushProse = async () => {
    if (pending.length === 0) return;
    const html = await proseToHtml(pending, result.headings, tokenClasses);
    pending = [];
    if (section && html.trim()) section.blocks.push({ type: 'html', html });
  };

  for (const node of body) {
    if (node.type === 'heading') {
      const heading = readHeading(node);
      if (!heading) continue;
      if (node.depth === 2) {
        await flushProse();
        const titleHtml = `${inlineToHtml(node.children)} ${toHtml(headingAnchor(heading.id, heading.text))}`;
        section = { id: heading.id, title: heading.text, titleHtml, blocks: [] };
        result.sections.push(section);
      } else {
        pending.push(node);
      }
      continue;
    }
    if (!section) {
      errors.push(
        new ContentError(
          'ERR_HEADING',
          'Content before the first "## Heading {#id}"; start the lesson with a heading',
          at(node),
        ),
      );
      section = { id: '', title: '', titleHtml: '', blocks: [] };
    }
    if (node.type === 'containerDirective' || node.type === 'leafDirective') {
      await flushProse();
      const embed = await compileEmbed(node);
      if (embed) section.blocks.push({ type: 'embed', embed } satisfies LessonBlock);
      continue;
    }
    pending.push(node);
  }
  await flushProse();
  result.sections = result.sections.filter((candidate) => candidate.id !== '');
  return result;

  function readHeading(node: Heading): LessonHeading | undefined {
    if (node.depth !== 2 && node.depth !== 3) {
      errors.push(
        new ContentError(
          'ERR_HEADING',
          node.depth === 1
            ? 'Lessons use "##" and "###" headings only; the title comes from the front matter'
            : `Heading level ${node.depth} is too deep; lessons use "##" and "###" headings only`,
          at(node),
        ),
      );
      return undefined;
    }
    const last = node.children.at(-1);
    const match = last?.type === 'text' ? HEADING_ID.exec(last.value) : null;
    if (last?.type !== 'text' || !match) {
      errors.push(
        new ContentError(
          'ERR_HEADING_ID',
          `Heading "${mdastToString(node)}" needs an explicit id, e.g. "## ${mdastToString(node)} {#my-id}"`,
          at(node),
        ),
      );
      return undefined;
    }
    const id = match[1] ?? '';
    if (!stableId.safeParse(id).success) {
      errors.push(
        new ContentError(
          'ERR_HEADING_ID',
          `Heading id "${id}" must be lowercase letters, digits and hyphens`,
          at(node),
        ),
      );
      return undefined;
    }
    last.value = last.value.slice(0, match.index);
    claimId(id, node);
    node.data = { ...node.data, hProperties: { id } };
    const heading: LessonHeading = { id, text: mdastToString(node).trim(), level: node.depth };
    result.headings.push(heading);
    return heading;
  }

  async function compileEmbed(node: ContainerDirective | LeafDirective): Promise<EmbedData | undefined> {
    const where = at(node);
    const name = node.name;
    if (!isEmbedName(name)) {
      errors.push(
        new ContentError(
          'ERR_UNKNOWN_EMBED',
          `Unknown embed "${name}"; the embeds are: ${EMBED_NAMES.join(', ')}`,
          where,
        ),
      );
      return undefined;
    }
    const written = node.type === 'containerDirective' ? 'container' : 'leaf';
    if (written !== EMBEDS[name].directive) {
      const marker = EMBEDS[name].directive === 'container' ? ':::' : '::';
      errors.push(new ContentError('ERR_EMBED', `The embed "${name}" is written "${marker}${name}{...}"`, where));
      return undefined;
    }
    const context: EmbedContext<Record<string, string>> = {
      node,
      attributes: Object.fromEntries(Object.entries(node.attributes ?? {}).map(([key, value]) => [key, value ?? ''])),
      lessonDir,
      relative,
      tokenClasses,
      error: (message) => errors.push(new ContentError('ERR_EMBED', message, where)),
      report: (found) => errors.push(...found),
      claimId: (id) => claimId(id, node),
      includeFile: (src) => includeFile(src, node),
      yamlInLesson: (src) => yamlInLesson(src, where),
      markdownToHtml: (markdown) => markdownToHtml(markdown, tokenClasses),
      watch: (files) => result.includedFiles.push(...files),
    };
    const compiled = await EMBED_COMPILERS[name].compile(context);
    if (!compiled) return undefined;
    if (compiled.chunk) result.chunks.set(`${name}/${compiled.chunk.id}`, compiled.chunk);
    if (compiled.part) result.parts.push(compiled.part);
    return compiled.data;
  }

  /** The absolute path of an embed's YAML file, if `src` names one inside the lesson's folder. */
  function yamlInLesson(src: string, where: ReturnType<typeof at>): string | undefined {
    const target = path.resolve(lessonDir, src);
    if (path.isAbsolute(src) || !target.startsWith(lessonDir + path.sep) || !/\.ya?ml$/.test(src)) {
      errors.push(new ContentError('ERR_EMBED', `src="${src}" must be a .yaml file inside the lesson's folder`, where));
      return undefined;
    }
    return target;
  }

  async function includeFile(src: string, node: RootContent) {
    const target = path.resolve(lessonDir, src);
    if (path.isAbsolute(src) || !target.startsWith(lessonDir + path.sep)) {
      errors.push(
        new ContentError('ERR_MISSING_FILE', `src="${src}" must be a path inside the lesson's folder`, at(node)),
      );
      return undefined;
    }
    const language = LANGUAGE_OF_EXTENSION[path.extname(target)];
    if (!language) {
      errors.push(
        new ContentError(
          'ERR_EMBED',
          `src="${src}" has an extension the page cannot show; use one of ${Object.keys(LANGUAGE_OF_EXTENSION).join(' ')}`,
          at(node),
        ),
      );
      return undefined;
    }
    result.includedFiles.push(target);
    let source: string;
    try {
      source = (await readFile(target, 'utf8')).replace(/\r\n?/g, '\n');
    } catch {
      errors.push(
        new ContentError('ERR_MISSING_FILE', `src="${src}" names no file (looked for ${relative(target)})`, at(node)),
      );
      return undefined;
    }
    return { source, language, html: await highlightCode(source, language, tokenClasses) };
  }
}

/** Markdown outside a lesson's flow (an exercise's instructions, hints, feedback) as HTML. */
export async function markdownToHtml(markdown: string, tokenClasses: TokenClasses): Promise<string> {
  const tree = parser.parse(markdown) as Root;
  return proseToHtml(tree.children, [], tokenClasses);
}

async function proseToHtml(
  nodes: RootContent[],
  headings: LessonHeading[],
  tokenClasses: TokenClasses,
): Promise<string> {
  // Highlight fenced code first, then let mdast-util-to-hast carry the HTML through untouched.
  const children = await Promise.all(
    nodes.map(async (node): Promise<RootContent> => {
      if (node.type !== 'code') return node;
      const language = node.lang && isHighlightLanguage(node.lang) ? node.lang : 'text';
      return { type: 'html', value: await highlightCode(node.value, language, tokenClasses) };
    }),
  );
  const hast = toHast({ type: 'root', children }, { allowDangerousHtml: true }) as HastRoot;
  addHeadingAnchors(hast, headings);
  wrapTablesForScrolling(hast);
  return toHtml(hast, { allowDangerousHtml: true });
}

function inlineToHtml(children: PhrasingContent[]): string {
  const hast = toHast({ type: 'paragraph', children }) as Element;
  return toHtml(hast.children);
}

/** Gives every heading a visible "#" link to itself, so any section can be shared. */
function headingAnchor(id: string, text: string): ElementContent {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['heading-anchor'], href: `#${id}` },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { ariaHidden: 'true' },
        children: [{ type: 'text', value: '#' }],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['visually-hidden'] },
        children: [{ type: 'text', value: `Link to “${text}”` }],
      },
    ],
  };
}

function addHeadingAnchors(tree: HastRoot, headings: LessonHeading[]) {
  visit(tree, 'element', (node) => {
    const heading = headings.find((candidate) => candidate.id === node.properties.id);
    if (!/^h[2-6]$/.test(node.tagName) || !heading) return;
    node.children.push({ type: 'text', value: ' ' }, headingAnchor(heading.id, heading.text));
  });
}

/**
 * Puts every table in a box that scrolls sideways when the table is wider than the column,
 * so its cells keep whole words instead of breaking them; the page makes the box a
 * labelled, focusable region while it scrolls (a `table` cannot be one without losing its role).
 */
function wrapTablesForScrolling(tree: HastRoot) {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'table' || index === undefined || !parent) return;
    parent.children[index] = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['table-scroll'] },
      children: [node],
    };
    return SKIP;
  });
}
