import { z } from 'zod';
import { defineEmbedCompiler } from '../../build/embedCompiler.ts';
import { embedId } from '../../build/schemas.ts';
import { requestSimulator } from './embed.ts';

export const requestSimulatorCompiler = defineEmbedCompiler(requestSimulator, {
  attributes: z.strictObject({
    id: embedId,
    scenarios: z.enum(['flow', 'troubleshooting'], {
      error: 'scenarios="..." must be "flow" or "troubleshooting"',
    }),
  }),
  doc: {
    written: '`::request-simulator{id="…" scenarios="flow"}`',
    attributes:
      '`id`, `scenarios`: `flow` (log in, call with the Bearer token, no header) or `troubleshooting` (every failure case)',
    shows:
      'the demo Flask-JWT-Extended API simulated in the page, with an HTTP client and the exchanges drawn as a sequence',
  },
  async compile({ attributes }) {
    return { data: { name: 'request-simulator', ...attributes } };
  },
});
