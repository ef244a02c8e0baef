import { LessonQuiz } from '../../../quiz/LessonQuiz';
import { quizKey } from '../../../quiz/progress';
import type { QuizEmbed as QuizData } from '../../../quiz/types';
import { loadEmbedData } from '../../embedData';
import { useLessonId } from '../../LessonContext';
import { CompletionAnnouncer, LessonCelebration, useCompletedHere } from '../LessonCelebration';

/** The quiz, whose result shows the celebration when passing it is what completed the lesson. */
export function GradedQuiz({ embed }: { embed: QuizData }) {
  const lessonId = useLessonId();
  const key = quizKey(lessonId, embed.id);
  const completedHere = useCompletedHere(lessonId, key);
  return (
    <>
      <LessonQuiz
        embed={embed}
        lessonId={lessonId}
        loadQuestions={() => loadEmbedData('quiz', lessonId, embed.id)}
        celebration={completedHere ? <LessonCelebration lessonId={lessonId} /> : undefined}
      />
      <CompletionAnnouncer lessonId={lessonId} partKey={key} />
    </>
  );
}
