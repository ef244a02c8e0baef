import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMBED_NAMES } from '../embedList.ts';
import { compileCourse } from './compileCourse.ts';
import { type ContentErrorCode, formatContentErrors } from './errors.ts';

const OUTLINE = `id: demo-course
title: Demo Course
lessons:
  - id: first
    title: First Lesson
    summary: The first one.
  - id: second
    title: Second Lesson
    summary: Not written yet.
    upcoming: true
`;

const FRONT = `---
id: first
title: First Lesson
summary: A small lesson.
minutes: 10
next: second
---
`;

const GOOD_LESSON = `${FRONT}
## Start here {#start}

Some *text* with \`code\` and a [link to the end](#end).

### A detail {#detail}

\`\`\`python
print("hi")
\`\`\`

:::example{#hello src="examples/hello.py" title="Hello"}
\`\`\`output
hi
\`\`\`
:::

## The end {#end}

Done at 10:30 today, see [the detail](/lessons/first#detail).

::include{src="examples/hello.py" title="Again"}
`;

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  dirs = [];
});

/** Writes a course into a fresh folder: `files` maps paths under lessons/ to their text. */
async function courseWith(files: Record<string, string>) {
  const root = await mkdtemp(path.join(tmpdir(), 'course-'));
  dirs.push(root);
  const all: Record<string, string> = { 'course.yaml': OUTLINE, 'first/examples/hello.py': 'print("hi")\n', ...files };
  for (const [file, text] of Object.entries(all)) {
    const target = path.join(root, 'lessons', file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  return compileCourse(path.join(root, 'lessons'), root);
}

async function errorsFor(lesson: string, extra: Record<string, string> = {}) {
  const { errors } = await courseWith({ 'first/lesson.md': lesson, ...extra });
  return errors.map((error) => ({ code: error.code, file: error.file, line: error.line, message: error.message }));
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('compileCourse: a valid course', () => {
  it('compiles outline, sections, headings and embeds with no errors', async () => {
    const { course, lessons, errors } = await courseWith({ 'first/lesson.md': GOOD_LESSON });
    expect(errors).toEqual([]);
    expect(course?.lessons.map((lesson) => [lesson.id, lesson.available])).toEqual([
      ['first', true],
      ['second', false],
    ]);
    const lesson = lessons.get('first');
    expect(lesson?.next?.id).toBe('second');
    expect(lesson?.previous).toBeNull();
    expect(lesson?.headings).toEqual([
      { id: 'start', text: 'Start here', level: 2 },
      { id: 'detail', text: 'A detail', level: 3 },
      { id: 'end', text: 'The end', level: 2 },
    ]);
    expect(lesson?.sections.map((section) => section.id)).toEqual(['start', 'end']);
    const blocks = lesson?.sections[0]?.blocks ?? [];
    expect(blocks.map((block) => (block.type === 'html' ? 'html' : block.embed.name))).toEqual(['html', 'example']);
    const block = blocks[1];
    const example = block?.type === 'embed' && block.embed.name === 'example' ? block.embed : undefined;
    expect(example).toMatchObject({ name: 'example', id: 'hello', src: 'examples/hello.py', output: 'hi\n' });
    expect(example?.code.source).toBe('print("hi")\n');
    expect(example?.code.html).toContain('class="shiki');
  });

  it("reads a quiz's YAML once, as data: not highlighted as code, listed once among the watched files", async () => {
    const quiz = [
      'id: first-quiz',
      'title: Check',
      'questions:',
      '  - id: one',
      '    type: single',
      '    prompt: Pick a',
      '    options:',
      '      - { text: a, correct: true }',
      '      - { text: b }',
      '    explanation: It is a.',
      '',
    ].join('\n');
    const { files, errors, codeStylesheet } = await courseWith({
      'first/lesson.md': `${FRONT}\n## Quiz {#quiz-section}\n\n::quiz{src="quiz.yaml"}\n`,
      'first/quiz.yaml': quiz,
    });
    expect(errors).toEqual([]);
    expect(files.filter((file) => file.endsWith('quiz.yaml'))).toHaveLength(1);
    // Nothing was highlighted: no code file was read.
    expect(codeStylesheet).not.toMatch(/\.tok-\w+/);
  });

  it('highlights fenced code at build time and anchors every heading', async () => {
    const { lessons } = await courseWith({ 'first/lesson.md': GOOD_LESSON });
    const html = lessons.get('first')?.sections[0]?.blocks[0];
    expect(html?.type === 'html' && html.html).toContain(
      '<h3 id="detail">A detail <a class="heading-anchor" href="#detail">',
    );
    expect(html?.type === 'html' && html.html).toMatch(
      /<pre class="shiki" data-language="python"><code><span class="line"><span class="hl-\d+">print<\/span>\(<span class="hl-\d+">"hi"<\/span>\)/,
    );
  });

  it('serves token colours as one stylesheet for both themes', async () => {
    const { codeStylesheet } = await courseWith({ 'first/lesson.md': GOOD_LESSON });
    expect(codeStylesheet).toMatch(
      /^\.hl-0\{color:#[0-9a-f]{6}\}\n:root\[data-theme=dark\] \.hl-0\{color:#[0-9a-f]{6}\}$/im,
    );
  });

  it('keeps prose colons that look like text directives as written', async () => {
    const { lessons } = await courseWith({ 'first/lesson.md': GOOD_LESSON });
    const end = lessons.get('first')?.sections[1]?.blocks[0];
    expect(end?.type === 'html' && end.html).toContain('Done at 10:30 today');
  });

  it('accepts Windows line endings', async () => {
    const { errors } = await courseWith({ 'first/lesson.md': GOOD_LESSON.replace(/\n/g, '\r\n') });
    expect(errors).toEqual([]);
  });
});

describe('compileCourse: every kind of content error, with file and line', () => {
  const cases: { name: string; lesson: string; code: ContentErrorCode; needle: string; message: RegExp }[] = [
    {
      name: 'unknown embed',
      lesson: `${FRONT}\n## A {#a}\n\n::quizz{id="q"}\n`,
      code: 'ERR_UNKNOWN_EMBED',
      needle: '::quizz',
      message: /Unknown embed "quizz"; the embeds are: example, include/,
    },
    {
      name: 'missing included file',
      lesson: `${FRONT}\n## A {#a}\n\n::include{src="examples/nope.py" title="T"}\n`,
      code: 'ERR_MISSING_FILE',
      needle: 'nope.py',
      message: /src="examples\/nope.py" names no file/,
    },
    {
      name: 'included file outside the lesson folder',
      lesson: `${FRONT}\n## A {#a}\n\n::include{src="../../secret.py" title="T"}\n`,
      code: 'ERR_MISSING_FILE',
      needle: 'secret.py',
      message: /must be a path inside the lesson's folder/,
    },
    {
      name: 'duplicate heading id',
      lesson: `${FRONT}\n## A {#same}\n\n## B {#same}\n`,
      code: 'ERR_DUPLICATE_ID',
      needle: '## B',
      message: /The id "same" is used twice/,
    },
    {
      name: 'heading id shared with an embed',
      lesson: `${FRONT}\n## A {#hello}\n\n:::example{#hello src="examples/hello.py" title="T"}\n\`\`\`output\nhi\n\`\`\`\n:::\n`,
      code: 'ERR_DUPLICATE_ID',
      needle: ':::example',
      message: /The id "hello" is used twice/,
    },
    {
      name: 'heading without an explicit id',
      lesson: `${FRONT}\n## No id here\n`,
      code: 'ERR_HEADING_ID',
      needle: '## No id',
      message: /needs an explicit id, e.g. "## No id here \{#my-id\}"/,
    },
    {
      name: 'heading id that is not a stable id',
      lesson: `${FRONT}\n## Bad {#Bad_Id}\n`,
      code: 'ERR_HEADING_ID',
      needle: '## Bad',
      message: /"Bad_Id" must be lowercase/,
    },
    {
      name: 'level-1 heading',
      lesson: `${FRONT}\n# Title {#title}\n`,
      code: 'ERR_HEADING',
      needle: '# Title',
      message: /title comes from the front matter/,
    },
    {
      name: 'content before the first heading',
      lesson: `${FRONT}\nStray paragraph.\n\n## A {#a}\n`,
      code: 'ERR_HEADING',
      needle: 'Stray',
      message: /Content before the first/,
    },
    {
      name: 'front matter missing a field',
      lesson: FRONT.replace('minutes: 10\n', ''),
      code: 'ERR_FRONT_MATTER',
      needle: 'id: first',
      message: /"minutes": Invalid input/,
    },
    {
      name: 'front matter of the wrong type',
      lesson: FRONT.replace('minutes: 10', 'minutes: ten'),
      code: 'ERR_FRONT_MATTER',
      needle: 'minutes: ten',
      message: /"minutes": .*number/,
    },
    {
      name: 'front matter that is not YAML',
      lesson: FRONT.replace('minutes: 10', 'minutes: 10: 5'),
      code: 'ERR_FRONT_MATTER',
      needle: 'minutes: 10: 5',
      message: /^Not valid YAML: Nested mappings are not allowed in compact mappings$/,
    },
    {
      name: 'front matter with an unknown key',
      lesson: FRONT.replace('minutes: 10', 'minutes: 10\nauthor: me'),
      code: 'ERR_FRONT_MATTER',
      needle: 'id: first',
      message: /Unrecognized key: "author"/,
    },
    {
      name: 'no front matter at all',
      lesson: '## A {#a}\n',
      code: 'ERR_FRONT_MATTER',
      needle: '## A',
      message: /must start with front matter/,
    },
    {
      name: 'front matter id that differs from the folder',
      lesson: FRONT.replace('id: first', 'id: other'),
      code: 'ERR_FRONT_MATTER',
      needle: 'id: other',
      message: /must match the lesson's folder name "first"/,
    },
    {
      name: 'link to a lesson that does not exist',
      lesson: `${FRONT}\n## A {#a}\n\nSee [there](/lessons/nowhere).\n`,
      code: 'ERR_LESSON_LINK',
      needle: 'See [there]',
      message: /Link to lesson "nowhere", which the course does not have/,
    },
    {
      name: 'link to an upcoming lesson',
      lesson: `${FRONT}\n## A {#a}\n\nSee [there](/lessons/second).\n`,
      code: 'ERR_LESSON_LINK',
      needle: 'See [there]',
      message: /"second", which has no content yet/,
    },
    {
      name: 'link to a heading that does not exist',
      lesson: `${FRONT}\n## A {#a}\n\nSee [below](#nothing).\n`,
      code: 'ERR_LESSON_LINK',
      needle: 'See [below]',
      message: /"#nothing", which is not a heading or embed id of lesson "first"/,
    },
    {
      name: 'next lesson that does not exist',
      lesson: `${FRONT.replace('next: second', 'next: third')}\n## A {#a}\n`,
      code: 'ERR_LESSON_LINK',
      needle: 'next: third',
      message: /next: "third" is not a lesson of the course outline/,
    },
    {
      name: 'embed without a required attribute',
      lesson: `${FRONT}\n## A {#a}\n\n::include{src="examples/hello.py"}\n`,
      code: 'ERR_EMBED',
      needle: '::include',
      message: /needs the attribute title="..."/,
    },
    {
      name: 'embed with an unknown attribute',
      lesson: `${FRONT}\n## A {#a}\n\n::include{src="examples/hello.py" title="T" colour="red"}\n`,
      code: 'ERR_EMBED',
      needle: '::include',
      message: /has no attribute "colour"/,
    },
    {
      name: 'embed written in the wrong form',
      lesson: `${FRONT}\n## A {#a}\n\n::example{#x src="examples/hello.py" title="T"}\n`,
      code: 'ERR_EMBED',
      needle: '::example',
      message: /is written ":::example\{...\}"/,
    },
    {
      name: 'example without its output block',
      lesson: `${FRONT}\n## A {#a}\n\n:::example{#x src="examples/hello.py" title="T"}\nJust words.\n:::\n`,
      code: 'ERR_EMBED',
      needle: ':::example',
      message: /exactly one fenced block with the language "output"/,
    },
    {
      name: 'embed nested in other Markdown',
      lesson: `${FRONT}\n## A {#a}\n\n- item\n\n  ::include{src="examples/hello.py" title="T"}\n`,
      code: 'ERR_EMBED',
      needle: '::include',
      message: /must stand on its own/,
    },
    {
      name: 'raw HTML',
      lesson: `${FRONT}\n## A {#a}\n\n<script>alert(1)</script>\n`,
      code: 'ERR_MARKDOWN',
      needle: '<script>',
      message: /Raw HTML is not allowed/,
    },
    {
      name: 'unknown code language',
      lesson: `${FRONT}\n## A {#a}\n\n\`\`\`cobol\nDISPLAY 'HI'.\n\`\`\`\n`,
      code: 'ERR_MARKDOWN',
      needle: '```cobol',
      message: /Unknown code language "cobol"/,
    },
  ];

  for (const testCase of cases) {
    it(`reports ${testCase.name}`, async () => {
      const errors = await errorsFor(testCase.lesson);
      expect(errors).toContainEqual({
        code: testCase.code,
        file: 'lessons/first/lesson.md',
        line: lineOf(testCase.lesson, testCase.needle),
        message: expect.stringMatching(testCase.message),
      });
    });
  }

  it('reports all errors of all files at once, sorted by file and line', async () => {
    const lesson = `${FRONT.replace('minutes: 10', 'minutes: -1')}\n## A {#a}\n\n::nope\n\n## B\n\n[x](/lessons/zzz)\n`;
    const errors = await errorsFor(lesson, { 'stray/lesson.md': `${FRONT}\n## A {#a}\n` });
    expect(errors.map((error) => `${error.file}:${error.line} ${error.code}`)).toEqual([
      'lessons/first/lesson.md:5 ERR_FRONT_MATTER',
      'lessons/first/lesson.md:11 ERR_UNKNOWN_EMBED',
      'lessons/first/lesson.md:13 ERR_HEADING_ID',
      'lessons/first/lesson.md:15 ERR_LESSON_LINK',
      'lessons/stray/lesson.md:undefined ERR_LESSON_NOT_IN_OUTLINE',
      'lessons/stray/lesson.md:2 ERR_FRONT_MATTER',
    ]);
  });
});

describe('compileCourse: the outline', () => {
  it('reports an empty outline', async () => {
    const { errors } = await courseWith({ 'course.yaml': '', 'first/lesson.md': GOOD_LESSON });
    expect(errors[0]).toMatchObject({ code: 'ERR_OUTLINE', file: 'lessons/course.yaml', line: 1 });
  });

  it('reports an available lesson without lesson.md, on its line', async () => {
    const { errors } = await courseWith({ 'course.yaml': OUTLINE.replace('    upcoming: true\n', '') });
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'ERR_LESSON_MISSING', file: 'lessons/course.yaml', line: 7 }),
    );
  });

  it('reports a lesson id listed twice and a bad id', async () => {
    const outline = `${OUTLINE}  - id: first\n    title: Again\n    summary: Twice.\n  - id: Bad Id\n    title: X\n    summary: Y\n`;
    const { errors } = await courseWith({ 'course.yaml': outline, 'first/lesson.md': GOOD_LESSON });
    expect(errors.map((error) => [error.code, error.line, error.message])).toEqual([
      ['ERR_OUTLINE', 14, expect.stringMatching(/^"lessons.3.id": must be lowercase letters/)],
    ]);
    const duplicates = await courseWith({
      'course.yaml': `${OUTLINE}  - id: first\n    title: Again\n    summary: Twice.\n`,
      'first/lesson.md': GOOD_LESSON,
    });
    expect(duplicates.errors).toContainEqual(
      expect.objectContaining({ code: 'ERR_DUPLICATE_ID', file: 'lessons/course.yaml', line: 11 }),
    );
  });

  it('reports a lesson whose title differs from the outline', async () => {
    const { errors } = await courseWith({
      'first/lesson.md': GOOD_LESSON.replace('title: First Lesson', 'title: Other'),
    });
    expect(errors).toContainEqual(expect.objectContaining({ code: 'ERR_FRONT_MATTER', line: 3 }));
  });
});

describe('the documented example in lessons/README.md', () => {
  it('compiles without errors', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../../../lessons/README.md', import.meta.url), 'utf8');
    const example = /````markdown\n([\s\S]*?)\n````/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const outline = `id: c\ntitle: C\nlessons:\n  - id: hello\n    title: Hello, Flask\n    summary: S.\n  - id: jwt-auth\n    title: JWT\n    summary: S.\n`;
    const { errors, lessons } = await courseWith({
      'course.yaml': outline,
      'hello/lesson.md': example ?? '',
      'hello/examples/hello.py': 'print("Hello, Flask!")\n',
      'jwt-auth/lesson.md': '---\nid: jwt-auth\ntitle: JWT\nsummary: S.\nminutes: 1\n---\n\n## The flow {#flow}\n',
    });
    expect(errors.map((error) => error.format())).toEqual([]);
    expect(lessons.get('hello')?.headings.map((heading) => heading.id)).toEqual([
      'why-flask',
      'first-program',
      'your-turn',
    ]);
  });

  it('lists every embed of the closed list in one table, one row each', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../../../lessons/README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Embeds: the closed list'));
    const table = /\n(\| embed \|[^\n]*\n(?:\|[^\n]*\n)+)/.exec(section)?.[1] ?? '';
    const names = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]);
    expect(names.sort()).toEqual([...EMBED_NAMES].sort());
  });

  it('shows, under "Errors look like this", exactly what the build reports for that lesson', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../../../lessons/README.md', import.meta.url), 'utf8');
    const shown = /## Errors look like this\n\n```\n([\s\S]*?)\n```/.exec(readme)?.[1];
    const broken = '---\nid: one\ntitle: One\nsummary: S.\nminutes: many\n---\n\n## A {#a}\n\n::mystery\n\n## B\n';
    const { errors } = await courseWith({
      'course.yaml': 'id: c\ntitle: C\nlessons:\n  - id: one\n    title: One\n    summary: S.\n',
      'one/lesson.md': broken,
    });
    expect(shown).toBe(formatContentErrors(errors));
  });
});
