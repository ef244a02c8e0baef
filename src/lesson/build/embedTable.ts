import { EMBED_NAMES } from '../embedList.ts';
import { EMBED_COMPILERS } from './embedCompilers.ts';

const START = "<!-- embed-table: generated from each embed's compile.ts by `npx tsx scripts/embed-table.ts` -->";
const END = '<!-- /embed-table -->';

/** The embeds table of lessons/README.md, one row per embed of the list, from each compiler's `doc`. */
export function embedTable(): string {
  const rows = EMBED_NAMES.map((name) => {
    const { written, attributes, shows } = EMBED_COMPILERS[name].doc;
    return `| \`${name}\` | ${written} | ${attributes} | ${shows} |`;
  });
  return ['| embed | written as | attributes | shows |', '|---|---|---|---|', ...rows].join('\n');
}

/** `readme` with the text between the table's markers replaced by the generated table. */
export function withEmbedTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`lessons/README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start)}${START}\n${embedTable()}\n${readme.slice(end)}`;
}
