import type { ComponentType } from 'react';
import type { EmbedData, EmbedDataOf, EmbedName } from '../embedList';
import { ExampleEmbed } from './example/ExampleEmbed';
import { GradedExercise } from './exercise/GradedExercise';
import { IncludeEmbed } from './include/IncludeEmbed';
import { JwtInspectorEmbed } from './jwt-inspector/JwtInspectorEmbed';
import { LessonChecklist } from './lesson-checklist/LessonChecklist';
import { GradedQuiz } from './quiz/GradedQuiz';
import { RequestSimulatorEmbed } from './request-simulator/RequestSimulatorEmbed';

/**
 * The page side of every embed, by name: its component, given the embed's data. Only
 * components are imported here (never an embed's compile.ts). The `satisfies` makes it
 * exhaustive: an embed of the list without its component fails the type check.
 */
const EMBED_COMPONENTS = {
  example: ExampleEmbed,
  include: IncludeEmbed,
  'request-simulator': RequestSimulatorEmbed,
  'jwt-inspector': JwtInspectorEmbed,
  exercise: GradedExercise,
  'lesson-checklist': LessonChecklist,
  quiz: GradedQuiz,
} as const satisfies { [Name in EmbedName]: ComponentType<{ embed: EmbedDataOf<Name> }> };

export function Embed({ embed }: { embed: EmbedData }) {
  const Component = EMBED_COMPONENTS[embed.name] as ComponentType<{ embed: EmbedData }>;
  return <Component embed={embed} />;
}
