import { z } from 'zod';
import { defineEmbedCompiler } from '../../build/embedCompiler.ts';
import { embedId } from '../../build/schemas.ts';
import { example } from './embed.ts';

const TIMEOUT = 'timeout="..." is a number of seconds from 1 to 60';

export const exampleCompiler = defineEmbedCompiler(example, {
  attributes: z.strictObject({
    id: embedId,
    src: z.string(),
    title: z.string(),
    timeout: z
      .string()
      .transform(Number)
      .pipe(z.number({ error: TIMEOUT }).min(1, { error: TIMEOUT }).max(60, { error: TIMEOUT }))
      .optional(),
  }),
  doc: {
    written: '`:::example{#id src="…" title="…"}` with one ` ```output ` block inside, then `:::`',
    attributes: '`id` (stable), `src`, `title`, optional `timeout` (seconds, 1–60, default 5)',
    shows:
      'a Python file from the lesson folder, highlighted with line numbers, runnable and editable in the page (Pyodide), with the exact output it prints',
  },
  async compile({ node, attributes, includeFile, error }) {
    const code = await includeFile(attributes.src);
    const output = node.children.length === 1 ? node.children[0] : undefined;
    if (output?.type !== 'code' || output.lang !== 'output') {
      error('An example holds exactly one fenced block with the language "output": the exact text the file prints');
      return undefined;
    }
    if (!code) return undefined;
    return {
      data: {
        name: 'example',
        timeoutSeconds: attributes.timeout ?? 5,
        id: attributes.id,
        title: attributes.title,
        src: attributes.src,
        code,
        // The fence's text plus the newline print() ends with.
        output: output.value === '' ? '' : `${output.value}\n`,
      },
    };
  },
});
