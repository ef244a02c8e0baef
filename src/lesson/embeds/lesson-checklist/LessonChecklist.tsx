import { useEffect } from 'react';
import { lessonProgressOf, progressStore, useProgress } from '../../../progress';
import { useLessonId } from '../../LessonContext';
import type { LessonPart } from '../../types';
import { LessonCelebration, outlineOf } from '../LessonCelebration';

// The quiz's title already says what it is ("Practice quiz: …"); exercises get a prefix.
const KIND_LABEL = { exercise: 'Exercise', quiz: 'Quiz' } as const;
const NO_PARTS: LessonPart[] = [];

/**
 * The lesson's graded parts as a checklist, ticked as the learner passes them. It says
 * the lesson is complete only once every required part is passed, and then shows the
 * celebration here too (the part that completed the lesson shows and announces it
 * where the learner is).
 */
export function LessonChecklist() {
  const lessonId = useLessonId();
  const { lesson } = outlineOf(lessonId);
  const parts = lesson?.parts ?? NO_PARTS;
  const progress = useProgress((state) => lessonProgressOf(state, parts, lessonId));
  const completedAt = useProgress((state) => state.lessons[lessonId]?.completedAt);
  const complete = progress.status === 'complete';
  const hasBonus = parts.some((part) => part.bonus);

  useEffect(() => {
    if (complete && !completedAt) progressStore.getState().markCompleted(lessonId);
  }, [complete, completedAt, lessonId]);

  if (!lesson || progress.checklist.length === 0) return null;
  return (
    <section
      className={`embed lesson-checklist${complete ? ' lesson-complete' : ''}`}
      aria-labelledby="lesson-checklist-title"
    >
      <h3 id="lesson-checklist-title">{complete ? 'You completed this lesson' : 'To complete this lesson'}</h3>
      <ul>
        {progress.checklist.map((part) => (
          <li key={part.key} className={part.done ? 'part-done' : 'part-todo'}>
            <span aria-hidden="true" className="part-mark">
              {part.done ? '✓' : part.bonus ? '☆' : '○'}
            </span>
            <span className="visually-hidden">{part.done ? 'Done: ' : 'Not done yet: '}</span>
            <a href={`#${part.key.slice(lessonId.length + 1)}`}>
              {part.bonus || part.kind === 'quiz' ? '' : `${KIND_LABEL[part.kind]}: `}
              {part.title}
            </a>
            {part.bonus && <span className="part-bonus"> (bonus)</span>}
          </li>
        ))}
      </ul>
      {complete ? (
        <LessonCelebration lessonId={lessonId} />
      ) : (
        <p className="muted">
          {progress.completedParts} of {progress.requiredParts} required parts passed.
          {hasBonus ? ' A part marked (bonus) is optional.' : ''}
        </p>
      )}
    </section>
  );
}
