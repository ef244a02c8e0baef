import { ExerciseEmbed } from '../../../exercise/ExerciseEmbed';
import { exerciseKey } from '../../../exercise/progress';
import type { ExerciseEmbed as ExerciseData } from '../../../exercise/types';
import { loadEmbedData } from '../../embedData';
import { useLessonId } from '../../LessonContext';
import { CompletionAnnouncer, LessonCelebration, useCompletedHere } from '../LessonCelebration';

/** An exercise, then the celebration when passing it is what completed the lesson. */
export function GradedExercise({ embed }: { embed: ExerciseData }) {
  const lessonId = useLessonId();
  const key = exerciseKey(lessonId, embed.id);
  const completedHere = useCompletedHere(lessonId, key);
  return (
    <>
      <ExerciseEmbed
        embed={embed}
        lessonId={lessonId}
        loadDetails={() => loadEmbedData('exercise', lessonId, embed.id)}
      />
      {completedHere && (
        <div className="embed lesson-complete part-completion">
          <LessonCelebration lessonId={lessonId} />
        </div>
      )}
      <CompletionAnnouncer lessonId={lessonId} partKey={key} />
    </>
  );
}
