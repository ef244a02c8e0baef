import type { ComponentType } from 'react';
import { ExerciseEmbed } from '../../exercise/ExerciseEmbed';
import { LessonQuiz } from '../../quiz/LessonQuiz';
import { RequestSimulator } from '../../sandbox/RequestSimulator';
import { TokenInspector } from '../../sandbox/TokenInspector';
import type { EmbedName } from '../embedList';
import { useLessonId } from '../LessonContext';
import type { EmbedData } from '../types';
import { ExampleEmbed } from './ExampleEmbed';
import { IncludeEmbed } from './IncludeEmbed';
import { LessonChecklist } from './LessonChecklist';

type EmbedComponents = { [Name in EmbedName]: ComponentType<{ embed: Extract<EmbedData, { name: Name }> }> };

/** One component per declared embed: a name without a component fails the type check. */
const EMBED_COMPONENTS: EmbedComponents = {
  example: ExampleEmbed,
  include: IncludeEmbed,
  'jwt-inspector': ({ embed }) => <TokenInspector id={embed.id} token={embed.token} secret={embed.secret} />,
  'request-simulator': ({ embed }) => <RequestSimulator id={embed.id} scenarios={embed.scenarios} />,
  exercise: ({ embed }) => <ExerciseEmbed embed={embed} lessonId={useLessonId()} />,
  quiz: ({ embed }) => <LessonQuiz embed={embed} lessonId={useLessonId()} />,
  'lesson-checklist': LessonChecklist,
};

export function Embed({ embed }: { embed: EmbedData }) {
  const Component = EMBED_COMPONENTS[embed.name] as ComponentType<{ embed: EmbedData }>;
  return <Component embed={embed} />;
}
