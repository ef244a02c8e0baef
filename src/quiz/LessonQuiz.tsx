import { type ComponentType, type ReactNode, useId, useRef, useState } from 'react';
import { errorMessage } from '../lib/errorMessage';
import { progressStore, useProgress } from '../progress';
import { ConfirmButton } from '../ui/ConfirmButton';
import { useWhenNear } from '../ui/useWhenNear';
import { quizKey } from './progress';
import type { Quiz, QuizEmbed as QuizEmbedData, QuizProgress } from './types';

type QuizComponent = ComponentType<{
  quiz: Quiz;
  progress: QuizProgress | undefined;
  onChange: (next: QuizProgress) => void;
  autoStart?: boolean;
  celebration?: ReactNode;
}>;

/** The quiz's questions and its component: chunks of their own, fetched as the quiz nears. */
async function loadQuiz(loadQuestions: () => Promise<Quiz>): Promise<{ quiz: Quiz; Component: QuizComponent }> {
  const [quiz, module] = await Promise.all([loadQuestions(), import('./QuizEmbed')]);
  return { quiz, Component: module.QuizEmbed };
}

/**
 * The lesson's quiz embed. The prerendered page shows its heading, size and pass
 * mark; the questions and the quiz itself load as it comes near the viewport (or
 * on Start), and every answer is kept in the progress store.
 */
export function LessonQuiz({
  embed,
  lessonId,
  loadQuestions,
  celebration,
}: {
  embed: QuizEmbedData;
  lessonId: string;
  /** The quiz's questions: a chunk of their own, fetched as the quiz nears. */
  loadQuestions: () => Promise<Quiz>;
  /** Shown with the result when passing this quiz is what completed the lesson. */
  celebration?: ReactNode;
}) {
  const key = quizKey(lessonId, embed.id);
  const progress = useProgress((state) => state.quizzes[key]);
  const [loaded, setLoaded] = useState<{ quiz: Quiz; Component: QuizComponent }>();
  const [failure, setFailure] = useState<string>();
  const [startPressed, setStartPressed] = useState(false);
  const section = useRef<HTMLElement>(null);
  const titleId = useId();
  const start = useRef(() => {});
  start.current = () => {
    if (loaded) return;
    loadQuiz(loadQuestions).then(setLoaded, (error: unknown) =>
      setFailure(`The quiz could not load (${errorMessage(error)}). Check your connection and reload the page.`),
    );
  };

  useWhenNear(section, () => start.current(), 600);

  if (loaded) {
    const { Component, quiz } = loaded;
    return (
      <>
        <Component
          quiz={quiz}
          progress={progress}
          autoStart={startPressed}
          celebration={celebration}
          onChange={(next) => progressStore.getState().saveQuizProgress(key, next)}
        />
        {progress && (progress.history.length > 0 || progress.current) && (
          <p className="quiz-reset">
            <ConfirmButton
              className="button button-small button-quiet"
              question="Forget every attempt at this quiz, and its pass?"
              confirmLabel="Forget them"
              cancelLabel="Keep them"
              onConfirm={() => progressStore.getState().resetQuiz(key)}
            >
              Reset this quiz
            </ConfirmButton>
          </p>
        )}
      </>
    );
  }
  return (
    <section className="embed quiz" id={embed.id} aria-labelledby={titleId} ref={section}>
      <h3 id={titleId}>{embed.title}</h3>
      <p>
        {embed.questionCount} questions · pass mark {embed.passPercent} %
      </p>
      <button
        type="button"
        className="button button-primary"
        onClick={() => {
          setStartPressed(true);
          start.current();
        }}
      >
        Start the quiz
      </button>
      <p role="status">{failure ?? ''}</p>
    </section>
  );
}
