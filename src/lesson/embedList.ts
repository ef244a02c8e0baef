import type { EmbedWidth } from './embeds/defineEmbed.ts';
import { example } from './embeds/example/embed.ts';
import { exercise } from './embeds/exercise/embed.ts';
import { include } from './embeds/include/embed.ts';
import { jwtInspector } from './embeds/jwt-inspector/embed.ts';
import { lessonChecklist } from './embeds/lesson-checklist/embed.ts';
import { quiz } from './embeds/quiz/embed.ts';
import { requestSimulator } from './embeds/request-simulator/embed.ts';

/**
 * The closed list of embeds a lesson may use: one line per embed, each declared in its
 * own folder under `embeds/` (see docs/architecture.md, "How to add an embed").
 *
 * The build compiles a directive with `build/embedCompilers.ts` and the page renders it
 * with `embeds/index.tsx`: both are keyed by these names and checked with `satisfies`,
 * so a name here without its compiler and its component fails the type check. The order
 * is the one error messages list the embeds in.
 */
const EMBED_LIST = [example, include, requestSimulator, jwtInspector, exercise, lessonChecklist, quiz] as const;

type Spec = (typeof EMBED_LIST)[number];

export type EmbedName = Spec['name'];

export const EMBED_NAMES: readonly EmbedName[] = EMBED_LIST.map((spec) => spec.name);

/** Each embed's declaration, by name. */
export const EMBEDS = Object.fromEntries(EMBED_LIST.map((spec) => [spec.name, spec])) as {
  [S in Spec as S['name']]: S;
};

type TypesOf<Name extends EmbedName> = NonNullable<(typeof EMBEDS)[Name]['types']>;

/** The page data of one embed. */
export type EmbedDataOf<Name extends EmbedName> = TypesOf<Name>['data'];

/** What one embed loads on demand (`never` for an embed that loads nothing). */
export type EmbedChunkOf<Name extends EmbedName> = TypesOf<Name>['chunk'];

/** The page data of any embed. */
export type EmbedData = { [Name in EmbedName]: EmbedDataOf<Name> }[EmbedName];

/** The embeds that load data of their own on demand. */
export type ChunkEmbedName = { [Name in EmbedName]: [EmbedChunkOf<Name>] extends [never] ? never : Name }[EmbedName];

export type { EmbedWidth };

/** Where an embed sits in the page: see `EmbedWidth`. */
export function embedWidth(name: EmbedName): EmbedWidth {
  return EMBEDS[name].width;
}

export function isEmbedName(name: string): name is EmbedName {
  return Object.hasOwn(EMBEDS, name);
}
