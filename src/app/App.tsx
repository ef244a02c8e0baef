// First: the kinds of progress record are registered before the progress store is made.
import './progressRecords';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { LessonPage } from '../lesson/LessonPage';
import { getLoadedLesson, loadLesson } from '../lesson/loadLesson';
import type { CompiledCourse, CompiledLesson } from '../lesson/types';
import { AppShell } from './AppShell';
import { markEmbedsLive, markInteractive } from './interactive';
import { NotFoundPage } from './NotFoundPage';
import { resolveRoute } from './routes';

/** The whole page for the current URL. */
export function App({ course }: { course: CompiledCourse }) {
  const [location, navigate] = useLocation();
  const route = resolveRoute(location, course);
  const firstLessonId = course.lessons.find((lesson) => lesson.available)?.id;

  useEffect(() => {
    markInteractive();
    // A full render waits for every embed's code first (loadLesson), and renders them all.
    markEmbedsLive();
  }, []);

  // "/" shows the first lesson; give it its shareable address.
  useEffect(() => {
    if (route.kind === 'lesson' && location === '/') {
      navigate(route.canonicalPath + window.location.hash, { replace: true });
    }
  }, [route, location, navigate]);

  const lessonId = route.kind === 'lesson' ? route.lessonId : undefined;
  return (
    <AppShell course={course} currentLessonId={lessonId ?? (route.kind === 'upcoming' ? route.lessonId : undefined)}>
      {lessonId ? (
        <LessonRoute course={course} lessonId={lessonId} />
      ) : (
        <NotFoundPage
          path={route.kind === 'not-found' ? route.path : location}
          upcomingTitle={route.kind === 'upcoming' ? route.title : undefined}
          firstLessonId={firstLessonId}
        />
      )}
    </AppShell>
  );
}

function LessonRoute({ course, lessonId }: { course: CompiledCourse; lessonId: string }) {
  const lesson = useLesson(lessonId);
  const position = course.lessons.findIndex((entry) => entry.id === lessonId) + 1;

  useEffect(() => {
    if (lesson.state === 'ready') document.title = `${lesson.lesson.title} · ${course.title}`;
  }, [lesson, course.title]);

  if (lesson.state === 'ready') return <LessonPage lesson={lesson.lesson} position={position} />;
  if (lesson.state === 'loading') {
    return (
      <p className="loading" role="status">
        Loading the lesson…
      </p>
    );
  }
  return (
    <div className="load-error" role="alert">
      <h1>The lesson could not be loaded</h1>
      <p>Check your connection, then try again. Nothing you did on this page is lost.</p>
      <button type="button" className="button button-primary" onClick={lesson.retry}>
        Try again
      </button>
    </div>
  );
}

type LessonState =
  | { state: 'ready'; lesson: CompiledLesson }
  | { state: 'loading' }
  | { state: 'failed'; retry: () => void };

function useLesson(lessonId: string): LessonState {
  const [, setVersion] = useState(0);
  const [failed, setFailed] = useState(false);
  const lesson = getLoadedLesson(lessonId);

  useEffect(() => {
    if (lesson || failed) return;
    let current = true;
    loadLesson(lessonId).then(
      () => current && setVersion((version) => version + 1),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [lessonId, lesson, failed]);

  if (lesson) return { state: 'ready', lesson };
  if (failed) return { state: 'failed', retry: () => setFailed(false) };
  return { state: 'loading' };
}
