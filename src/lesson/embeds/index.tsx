import type { ComponentType } from 'react';
import { ExerciseEmbed } from '../../exercise/ExerciseEmbed';
import { exerciseKey, quizKey } from '../../progress';
import { LessonQuiz } from '../../quiz/LessonQuiz';
import { RequestSimulator } from '../../sandbox/RequestSimulator';
import { TokenInspector } from '../../sandbox/TokenInspector';
import type { EmbedName } from '../embedList';
import { useLessonId } from '../LessonContext';
import type { EmbedData } from '../types';
import { ExampleEmbed } from './ExampleEmbed';
import { IncludeEmbed } from './IncludeEmbed';
import { CompletionAnnouncer, LessonCelebration, useCompletedHere } from './LessonCelebration';
import { LessonChecklist } from './LessonChecklist';

type EmbedComponents = { [Name in EmbedName]: ComponentType<{ embed: Extract<EmbedData, { name: Name }> }> };

/** One component per declared embed: a name without a component fails the type check. */
const EMBED_COMPONENTS: EmbedComponents = {
  example: ExampleEmbed,
  include: IncludeEmbed,
  'jwt-inspector': ({ embed }) => <TokenInspector id={embed.id} token={embed.token} secret={embed.secret} />,
  'request-simulator': ({ embed }) => <RequestSimulator id={embed.id} scenarios={embed.scenarios} />,
  exercise: GradedExercise,
  quiz: GradedQuiz,
  'lesson-checklist': LessonChecklist,
};

/** An exercise, then the celebration when passing it is what completed the lesson. */
function GradedExercise({ embed }: { embed: Extract<EmbedData, { name: 'exercise' }> }) {
  const lessonId = useLessonId();
  const key = exerciseKey(lessonId, embed.id);
  const completedHere = useCompletedHere(lessonId, key);
  return (
    <>
      <ExerciseEmbed embed={embed} lessonId={lessonId} />
      {completedHere && (
        <div className="embed lesson-complete part-completion">
          <LessonCelebration lessonId={lessonId} />
        </div>
      )}
      <CompletionAnnouncer lessonId={lessonId} partKey={key} />
    </>
  );
}

/** The quiz, whose result shows the celebration when passing it is what completed the lesson. */
function GradedQuiz({ embed }: { embed: Extract<EmbedData, { name: 'quiz' }> }) {
  const lessonId = useLessonId();
  const key = quizKey(lessonId, embed.id);
  const completedHere = useCompletedHere(lessonId, key);
  return (
    <>
      <LessonQuiz
        embed={embed}
        lessonId={lessonId}
        celebration={completedHere ? <LessonCelebration lessonId={lessonId} /> : undefined}
      />
      <CompletionAnnouncer lessonId={lessonId} partKey={key} />
    </>
  );
}

export function Embed({ embed }: { embed: EmbedData }) {
  const Component = EMBED_COMPONENTS[embed.name] as ComponentType<{ embed: EmbedData }>;
  return <Component embed={embed} />;
}
