/**
 * Where an embed sits in the page: `prose` keeps it to the reading measure, `wide` lets an
 * interactive embed (code to run or edit, tools with results) use the whole content width,
 * beside-the-text column included.
 */
export type EmbedWidth = 'prose' | 'wide';

/**
 * What both sides of an embed share (its `embed.ts`): the name lessons write, the Markdown
 * form (`leaf`: `::name{...}`; `container`: `:::name{...}` with content, closed by `:::`)
 * and its width. The data it hands the page, and the data it loads later (if any), are
 * carried as types only: this module must stay free of build and React code, since both the
 * page and the build import it.
 */
export interface EmbedSpec<Name extends string, Data extends { name: Name }, Chunk> {
  name: Name;
  directive: 'leaf' | 'container';
  width: EmbedWidth;
  /** Types only, never set: the embed's page data, and its lazily loaded data (`never`: none). */
  readonly types?: { data: Data; chunk: Chunk };
}

/**
 * Declares an embed: `defineEmbed<Data, Chunk>()({ name, directive, width })`. `Data` is what
 * the page gets in the lesson's chunk; `Chunk` (optional) is what the embed loads on demand
 * from `virtual:embed-data/<name>/<lesson>/<id>`.
 */
export function defineEmbed<Data extends { name: string }, Chunk = never>() {
  return <const Name extends Data['name']>(spec: {
    name: Name;
    directive: 'leaf' | 'container';
    width: EmbedWidth;
  }): EmbedSpec<Name, Data & { name: Name }, Chunk> => spec;
}
