import { z } from 'zod';
import { defineEmbedCompiler } from '../../build/embedCompiler.ts';
import { embedId } from '../../build/schemas.ts';
import { jwtInspector } from './embed.ts';

export const jwtInspectorCompiler = defineEmbedCompiler(jwtInspector, {
  attributes: z.strictObject({
    id: embedId,
    token: z.string().refine((token) => token.split('.').length === 3, {
      error: 'The inspector\'s token="..." must have three parts',
    }),
    secret: z.string(),
  }),
  doc: {
    written: '`::jwt-inspector{id="…" token="…" secret="…"}`',
    attributes: '`id`, `token` (three parts), `secret` (text)',
    shows: 'the token inspector, opened on that token: decoded parts, step-by-step signature, verdict, tamper actions',
  },
  async compile({ attributes }) {
    return { data: { name: 'jwt-inspector', ...attributes } };
  },
});
