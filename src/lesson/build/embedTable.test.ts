import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EMBED_COMPILERS } from './embedCompilers.ts';
import { withEmbedTable } from './embedTable.ts';

describe('the embeds table of lessons/README.md', () => {
  it('is the one generated from the embeds (run `npx tsx scripts/embed-table.ts` to update it)', async () => {
    const readme = await readFile(new URL('../../../lessons/README.md', import.meta.url), 'utf8');
    expect(readme).toBe(withEmbedTable(readme));
  });
});

describe("each embed's documentation", () => {
  it('names every attribute the embed takes', () => {
    const missing = Object.values(EMBED_COMPILERS).flatMap((compiler) =>
      compiler.attributeNames
        .filter(({ name }) => !compiler.doc.attributes.includes(`\`${name}\``))
        .map(({ name }) => `${compiler.name}: ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
