import type { CompiledCourse, OutlineLesson } from '../lesson/types';
import { type LessonStatus, lessonProgressOf, lessonStatusWithParts, useProgress } from '../progress';
import { lessonPath } from './routes';

const STATUS_TEXT: Record<LessonStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
};

/** Every lesson of the course in order: the current one marked, the unwritten ones upcoming. */
export function CourseOutline(props: {
  course: CompiledCourse;
  currentLessonId: string | undefined;
  onNavigate: () => void;
}) {
  return (
    <nav className="course-outline" aria-labelledby="course-outline-title">
      <h2 id="course-outline-title" className="course-outline-title">
        Lessons
      </h2>
      <ol>
        {props.course.lessons.map((lesson, index) => (
          <li key={lesson.id} className={lesson.id === props.currentLessonId ? 'current' : undefined}>
            {lesson.available ? (
              <a
                href={lessonPath(lesson.id)}
                aria-current={lesson.id === props.currentLessonId ? 'page' : undefined}
                onClick={props.onNavigate}
              >
                <span className="outline-number">{index + 1}.</span> {lesson.title}
                <OutlineStatus lesson={lesson} />
              </a>
            ) : (
              <span className="outline-upcoming">
                <span className="outline-number">{index + 1}.</span> {lesson.title}
                <span className="badge badge-upcoming">Upcoming</span>
              </span>
            )}
            {lesson.id === props.currentLessonId && lesson.parts.length > 0 && <PartsChecklist lesson={lesson} />}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function OutlineStatus({ lesson }: { lesson: OutlineLesson }) {
  const status = useProgress((state) => lessonStatusWithParts(state, lesson.id, lesson.parts));
  return <span className={`badge badge-${status}`}>{STATUS_TEXT[status]}</span>;
}

/** The current lesson's graded parts, ticked as they are passed (the challenge marked as a bonus). */
function PartsChecklist({ lesson }: { lesson: OutlineLesson }) {
  const { checklist } = useProgress((state) => lessonProgressOf(state, lesson.parts, lesson.id));
  return (
    <ul className="outline-parts" aria-label={`Graded parts of “${lesson.title}”`}>
      {checklist.map((part) => (
        <li key={part.key} className={part.done ? 'part-done' : 'part-todo'}>
          <span aria-hidden="true" className="part-mark">
            {part.done ? '✓' : part.bonus ? '☆' : '○'}
          </span>
          <span className="visually-hidden">{part.done ? 'Done: ' : 'Not done yet: '}</span>
          {part.kind === 'quiz' ? 'Quiz' : part.bonus ? 'Challenge' : 'Exercise'}
          {part.bonus ? ' (bonus)' : ''}
        </li>
      ))}
    </ul>
  );
}

/** The header's summary: how many of the course's written lessons are complete. */
export function CourseProgress({ course }: { course: CompiledCourse }) {
  const available = course.lessons.filter((lesson) => lesson.available);
  const complete = useProgress(
    (state) =>
      available.filter((lesson) => lessonStatusWithParts(state, lesson.id, lesson.parts) === 'complete').length,
  );
  return (
    <div className="course-progress">
      <label htmlFor="course-progress-bar">
        {complete} of {available.length} {available.length === 1 ? 'lesson' : 'lessons'} complete
      </label>
      {/* Phones show this instead of the label (which still names the bar). */}
      <span className="course-progress-short" aria-hidden="true">
        {complete}/{available.length}
      </span>
      <progress id="course-progress-bar" max={available.length} value={complete} />
    </div>
  );
}
