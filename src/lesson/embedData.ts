import { embedDataLoaders } from 'virtual:embed-data';
import type { ChunkEmbedName, EmbedChunkOf } from './embedList';

/**
 * Loads what an embed fetches on demand (`virtual:embed-data/<embed>/<lesson>/<id>`: an
 * exercise's details, a quiz's questions), each a chunk of its own, out of the first load.
 * Its type is the one the embed declares (`defineEmbed<Data, Chunk>`), which its compiler's
 * chunk is checked against at build time.
 */
export async function loadEmbedData<Name extends ChunkEmbedName>(
  embed: Name,
  lessonId: string,
  id: string,
): Promise<EmbedChunkOf<Name>> {
  const key = `${embed}/${lessonId}/${id}`;
  const loader = embedDataLoaders[key];
  if (!loader) throw new Error(`no ${embed} "${lessonId}/${id}" in this build`);
  return (await loader()).default as EmbedChunkOf<Name>;
}
