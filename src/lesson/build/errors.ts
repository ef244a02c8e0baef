/** Every kind of content mistake the build can report. */
export const CONTENT_ERROR_CODES = [
  'ERR_OUTLINE', // course.yaml is missing, unreadable or invalid
  'ERR_LESSON_NOT_IN_OUTLINE', // a lesson folder the outline does not list
  'ERR_LESSON_MISSING', // the outline lists an available lesson with no lesson.md
  'ERR_FRONT_MATTER', // front matter missing, not YAML, or fails the schema
  'ERR_HEADING', // heading of a level lessons may not use
  'ERR_HEADING_ID', // heading without an explicit `{#id}`, or an invalid id
  'ERR_DUPLICATE_ID', // two headings or embeds share an id
  'ERR_UNKNOWN_EMBED', // a directive that is not in the closed list
  'ERR_EMBED', // an embed written the wrong way (attributes, form, content)
  'ERR_MISSING_FILE', // an embed's `src` names no file
  'ERR_LESSON_LINK', // a link to a lesson or heading that does not exist
  'ERR_EXERCISE', // an exercise file that is not valid (schema, unknown case, blanks, feedback not proven)
  'ERR_QUIZ', // a quiz file that is not valid (schema, duplicate ids or options, wrong number of correct options)
  'ERR_MARKDOWN', // Markdown the page does not support (raw HTML, images, unknown code language)
] as const;

export type ContentErrorCode = (typeof CONTENT_ERROR_CODES)[number];

/** One mistake in the course content, pinned to a file and line. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  readonly code: ContentErrorCode;
  /** Path relative to the project root, with forward slashes. */
  readonly file: string;
  /** 1-based line, or undefined when the mistake is the file as a whole. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(
    code: ContentErrorCode,
    message: string,
    where: { file: string; line?: number | undefined; column?: number | undefined },
  ) {
    super(message);
    this.code = code;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }

  /** `lessons/jwt-auth/lesson.md:12:3 ERR_UNKNOWN_EMBED Unknown embed "foo" ...` */
  format(): string {
    const place = [this.file, this.line, this.line !== undefined ? this.column : undefined]
      .filter((part) => part !== undefined)
      .join(':');
    return `${place} ${this.code} ${this.message}`;
  }
}

/** All the mistakes found in one build, thrown together so an author fixes them in one go. */
export class ContentBuildError extends Error {
  override readonly name = 'ContentBuildError';
  readonly code = 'ERR_CONTENT_BUILD';
  readonly errors: readonly ContentError[];

  constructor(errors: readonly ContentError[]) {
    super(formatContentErrors(errors));
    this.errors = errors;
  }
}

export function formatContentErrors(errors: readonly ContentError[]): string {
  const count = errors.length === 1 ? '1 content error' : `${errors.length} content errors`;
  return `${count}:\n${errors.map((error) => `  ${error.format()}`).join('\n')}`;
}
