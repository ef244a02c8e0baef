import { course as compiledCourse } from 'virtual:course';
import { completingPart, useProgress } from '../../progress';
import type { CompiledCourse, LessonPart, OutlineLesson } from '../types';
import './celebration.css';

const course: CompiledCourse = compiledCourse;
const NO_PARTS: LessonPart[] = [];

/** A lesson's outline entry and the lesson after it in the course. */
export function outlineOf(lessonId: string): { lesson?: OutlineLesson; next?: OutlineLesson } {
  const index = course.lessons.findIndex((lesson) => lesson.id === lessonId);
  if (index === -1) return {};
  return { lesson: course.lessons[index], next: course.lessons[index + 1] };
}

/**
 * What the celebration says about the next lesson, as plain text (for the live region).
 * An upcoming lesson is named as coming soon, never offered as if it could be opened.
 */
export function completionMessage(lessonId: string): string {
  const { next } = outlineOf(lessonId);
  if (!next) return 'Lesson complete! You have finished the course.';
  if (!next.available) return `Lesson complete! The next lesson, ${next.title}, is coming soon.`;
  return `Lesson complete! Up next: ${next.title}.`;
}

/**
 * The lesson-complete celebration: a small burst of symbols (still when the learner
 * prefers reduced motion), the words, and an honest word on the next lesson. Visual
 * only: the announcement is made once, by {@link CompletionAnnouncer}.
 */
export function LessonCelebration({ lessonId }: { lessonId: string }) {
  const { next } = outlineOf(lessonId);
  return (
    <div className="celebration">
      <span className="confetti" aria-hidden="true">
        {['🎉', '✨', '🎊', '⭐', '🎉'].map((symbol, position) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed decoration
          <span key={position}>{symbol}</span>
        ))}
      </span>
      <p>
        <strong>Lesson complete!</strong>{' '}
        {!next ? (
          'You have finished the course.'
        ) : next.available ? (
          <>
            Up next: <a href={`/lessons/${next.id}`}>{next.title}</a>.
          </>
        ) : (
          <>The next lesson, {next.title}, is coming soon: it is not written yet.</>
        )}
      </p>
    </div>
  );
}

/** Whether passing this graded part (`<lesson id>/<part id>`) is what completed its lesson. */
export function useCompletedHere(lessonId: string, partKey: string): boolean {
  const parts = outlineOf(lessonId).lesson?.parts ?? NO_PARTS;
  return useProgress((state) => completingPart(state, parts) === partKey);
}

/**
 * A live region beside a graded part: it says "Lesson complete!" when passing this
 * part completes the lesson. It is always in the page, so the change is announced.
 */
export function CompletionAnnouncer({ lessonId, partKey }: { lessonId: string; partKey: string }) {
  const completedHere = useCompletedHere(lessonId, partKey);
  return (
    <p className="visually-hidden" role="status" data-completion-for={partKey}>
      {completedHere ? completionMessage(lessonId) : ''}
    </p>
  );
}
