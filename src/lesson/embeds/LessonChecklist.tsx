import { course as compiledCourse } from 'virtual:course';
import { useEffect } from 'react';
import { lessonProgressOf, progressStore, useProgress } from '../../progress';
import { useLessonId } from '../LessonContext';
import type { CompiledCourse } from '../types';

const course: CompiledCourse = compiledCourse;

// The quiz's title already says what it is ("Practice quiz: …"); exercises get a prefix.
const KIND_LABEL = { exercise: 'Exercise', quiz: 'Quiz' } as const;
const NO_PARTS: never[] = [];

/**
 * The lesson's graded parts as a checklist, ticked as the learner passes them; once
 * every required part is passed, the lesson is complete: a small celebration (still
 * when the learner prefers reduced motion) and the way to the next lesson.
 */
export function LessonChecklist() {
  const lessonId = useLessonId();
  const index = course.lessons.findIndex((lesson) => lesson.id === lessonId);
  const lesson = course.lessons[index];
  const next = course.lessons[index + 1];
  const progress = useProgress((state) => lessonProgressOf(state, lesson?.parts ?? NO_PARTS, lessonId));
  const completedAt = useProgress((state) => state.lessons[lessonId]?.completedAt);
  const complete = progress.status === 'complete';

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
        <div className="celebration" role="status">
          <span className="confetti" aria-hidden="true">
            {['🎉', '✨', '🎊', '⭐', '🎉'].map((symbol, position) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed decoration
              <span key={position}>{symbol}</span>
            ))}
          </span>
          <p>
            <strong>Lesson complete!</strong>{' '}
            {next ? (
              next.available ? (
                <>
                  Up next: <a href={`/lessons/${next.id}`}>{next.title}</a>.
                </>
              ) : (
                <>Up next: {next.title}, coming soon.</>
              )
            ) : (
              'You have finished the course.'
            )}
          </p>
        </div>
      ) : (
        <p className="muted">
          {progress.completedParts} of {progress.requiredParts} required parts passed. The challenge is a bonus.
        </p>
      )}
    </section>
  );
}
