import type { ComponentType } from 'react';
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

const loaded = new Map<EmbedName, ComponentType<{ embed: EmbedData }>>();
const loading = new Map<EmbedName, Promise<ComponentType<{ embed: EmbedData }>>>();

/** Loads one embed's component once; a failed download is forgotten, so a later call retries. */
export function loadEmbedComponent(name: EmbedName): Promise<ComponentType<{ embed: EmbedData }>> {
  const existing = loading.get(name);
  if (existing) return existing;
  const promise = (EMBED_COMPONENTS[name]() as Promise<ComponentType<{ embed: EmbedData }>>).then((component) => {
    loaded.set(name, component);
    return component;
  });
  promise.catch(() => loading.delete(name));
  loading.set(name, promise);
  return promise;
}

/** Renders an embed whose component is loaded (`loadEmbedComponent`, done by `loadLesson`). */
export function Embed({ embed }: { embed: EmbedData }) {
  const Component = loaded.get(embed.name);
  if (!Component) throw new Error(`The "${embed.name}" embed was rendered before its component was loaded`);
  return <Component embed={embed} />;
}
