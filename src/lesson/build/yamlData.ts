import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ContentError, type ContentErrorCode } from './errors.ts';

type Place = { file: string; line: number; column: number };

interface ParsedYaml<Data> {
  data: Data | undefined;
  errors: ContentError[];
  /** Where the node at `path` (or its nearest existing parent) starts. */
  locate: (path: readonly PropertyKey[]) => Place;
}

interface YamlSource {
  text: string;
  file: string;
  /** Line of the file on which `text` starts (1-based), for front matter inside Markdown. */
  firstLine: number;
  code: ContentErrorCode;
}

/**
 * Parses YAML and validates it against a schema, turning every problem into a
 * ContentError on the line of the offending key.
 *
 * @example parseYamlData(outlineSchema, { text, file: 'lessons/course.yaml', firstLine: 1, code: 'ERR_OUTLINE' })
 */
export function parseYamlData<Schema extends z.ZodType>(
  schema: Schema,
  source: YamlSource,
): ParsedYaml<z.infer<Schema>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: source.file, line: line + source.firstLine - 1, column: col };
  };
  const locate = (nodePath: readonly PropertyKey[]): Place => {
    for (let depth = nodePath.length; depth >= 0; depth--) {
      const node = document.getIn(nodePath.slice(0, depth), true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return at(0);
  };

  if (document.errors.length > 0) {
    return {
      locate,
      data: undefined,
      errors: document.errors.map((error) => {
        // The library's own "at line N" counts from the YAML block, not the file: drop it.
        const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        return new ContentError(source.code, `Not valid YAML: ${reason}`, at(error.pos[0]));
      }),
    };
  }

  const result = schema.safeParse(document.toJS());
  if (result.success) return { data: result.data, errors: [], locate };

  return {
    locate,
    data: undefined,
    errors: result.error.issues.map((issue) => {
      const path = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
      return new ContentError(source.code, `${path}${issue.message}`, locate(issue.path));
    }),
  };
}
