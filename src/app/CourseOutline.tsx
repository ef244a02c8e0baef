import { Link } from 'wouter';
import type { CompiledCourse } from '../lesson/types';
import { type LessonStatus, lessonStatus, useProgress } from '../progress';
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
              <Link
                href={lessonPath(lesson.id)}
                aria-current={lesson.id === props.currentLessonId ? 'page' : undefined}
                onClick={props.onNavigate}
              >
                <span className="outline-number">{index + 1}.</span> {lesson.title}
                <OutlineStatus lessonId={lesson.id} />
              </Link>
            ) : (
              <span className="outline-upcoming">
                <span className="outline-number">{index + 1}.</span> {lesson.title}
                <span className="badge badge-upcoming">Upcoming</span>
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function OutlineStatus({ lessonId }: { lessonId: string }) {
  const status = useProgress((state) => lessonStatus(state, lessonId));
  return <span className={`badge badge-${status}`}>{STATUS_TEXT[status]}</span>;
}

/** The header's summary: how many of the course's written lessons are complete. */
export function CourseProgress({ course }: { course: CompiledCourse }) {
  const available = course.lessons.filter((lesson) => lesson.available);
  const complete = useProgress(
    (state) => available.filter((lesson) => lessonStatus(state, lesson.id) === 'complete').length,
  );
  return (
    <div className="course-progress">
      <label htmlFor="course-progress-bar">
        {complete} of {available.length} {available.length === 1 ? 'lesson' : 'lessons'} complete
      </label>
      <progress id="course-progress-bar" max={available.length} value={complete} />
    </div>
  );
}
