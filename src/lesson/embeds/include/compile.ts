import { z } from 'zod';
import { defineEmbedCompiler } from '../../build/embedCompiler.ts';
import { include } from './embed.ts';

export const includeCompiler = defineEmbedCompiler(include, {
  attributes: z.strictObject({ src: z.string(), title: z.string() }),
  doc: {
    written: '`::include{src="…" title="…"}`',
    attributes: '`src`, `title`',
    shows: 'a file from the lesson folder, highlighted, without output',
  },
  async compile({ attributes, includeFile }) {
    const code = await includeFile(attributes.src);
    return code ? { data: { name: 'include', title: attributes.title, src: attributes.src, code } } : undefined;
  },
});
