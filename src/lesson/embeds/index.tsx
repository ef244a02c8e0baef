import type { ComponentType } from 'react';
import { loadOnceBy } from '../../lib/loadOnce';
import type { EmbedData, EmbedDataOf, EmbedName } from '../embedList';

type EmbedComponent<Name extends EmbedName> = ComponentType<{ embed: EmbedDataOf<Name> }>;

/**
 * The page side of every embed, by name: a loader of its component, given the embed's
 * data. Each component is its own chunk, fetched only by a page that shows the embed
 * (and, on a prerendered page, only when the embed is about to be used: see
 * src/lesson/islands.tsx). Only components are imported here (never an embed's
 * compile.ts). The `satisfies` makes it exhaustive: an embed of the list without its
 * component fails the type check.
 */
const EMBED_COMPONENTS = {
  example: () => import('./example/ExampleEmbed').then((module) => module.ExampleEmbed),
  include: () => import('./include/IncludeEmbed').then((module) => module.IncludeEmbed),
  'request-simulator': () =>
    import('./request-simulator/RequestSimulatorEmbed').then((module) => module.RequestSimulatorEmbed),
  'jwt-inspector': () => import('./jwt-inspector/JwtInspectorEmbed').then((module) => module.JwtInspectorEmbed),
  exercise: () => import('./exercise/GradedExercise').then((module) => module.GradedExercise),
  'lesson-checklist': () => import('./lesson-checklist/LessonChecklist').then((module) => module.LessonChecklist),
  quiz: () => import('./quiz/GradedQuiz').then((module) => module.GradedQuiz),
} as const satisfies { [Name in EmbedName]: () => Promise<EmbedComponent<Name>> };

type AnyEmbedComponent = ComponentType<{ embed: EmbedData }>;
const loaded = new Map<EmbedName, AnyEmbedComponent>();
/** Loads one embed's component once (a failed download is forgotten, so a later call retries). */
export const loadEmbedComponent: (name: EmbedName) => Promise<AnyEmbedComponent> = loadOnceBy((name: EmbedName) =>
  (EMBED_COMPONENTS[name]() as Promise<AnyEmbedComponent>).then((component) => {
    loaded.set(name, component);
    return component;
  }),
);

/** Renders an embed whose component is loaded (`loadEmbedComponent`, done by `loadLesson`). */
export function Embed({ embed }: { embed: EmbedData }) {
  const Component = loaded.get(embed.name);
  if (!Component) throw new Error(`The "${embed.name}" embed was rendered before its component was loaded`);
  return <Component embed={embed} />;
}
