import { useEffect } from 'react';
import { lessonPath } from './routes';

/** The 404 page, and its gentler cousin for a lesson that is listed but not written yet. */
export function NotFoundPage(props: { path: string; upcomingTitle?: string; firstLessonId: string | undefined }) {
  useEffect(() => {
    document.title = props.upcomingTitle ? `${props.upcomingTitle} (upcoming)` : 'Page not found';
  }, [props.upcomingTitle]);

  return (
    <div className="not-found">
      {props.upcomingTitle ? (
        <>
          <h1>{props.upcomingTitle} is coming soon</h1>
          <p>This lesson is in the course outline but has not been written yet.</p>
        </>
      ) : (
        <>
          <h1>Page not found</h1>
          <p>
            There is no lesson at <code>{props.path}</code>. The link may be mistyped, or the lesson may have moved.
          </p>
        </>
      )}
      {props.firstLessonId && (
        <p>
          <a href={lessonPath(props.firstLessonId)} className="button button-primary">
            Go to the first lesson
          </a>
        </p>
      )}
      <p>Or pick a lesson from the course outline.</p>
    </div>
  );
}
