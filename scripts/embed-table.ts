// Rewrites the embeds table of lessons/README.md from each embed's compile.ts (its `doc`).
// Run with `npx tsx scripts/embed-table.ts` after adding or changing an embed.
import { readFile, writeFile } from 'node:fs/promises';
import { withEmbedTable } from '../src/lesson/build/embedTable.ts';

const file = new URL('../lessons/README.md', import.meta.url);
const readme = await readFile(file, 'utf8');
const updated = withEmbedTable(readme);
if (updated === readme) console.log('lessons/README.md: the embeds table is up to date');
else {
  await writeFile(file, updated);
  console.log('lessons/README.md: embeds table rewritten');
}
