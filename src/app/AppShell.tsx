import { type ReactNode, useEffect } from 'react';
import type { CompiledCourse } from '../lesson/types';
import { OfflineStatus } from '../offline';
import { ProgressTools, StorageNotice } from '../progress';
import { Island } from '../ui/Island';
import { CourseOutline, CourseProgress } from './CourseOutline';
import { setMenuOpen, useMenuOpen } from './menu';
import { ThemeToggle } from './ThemeToggle';

/**
 * The frame of every page: skip link, header, course outline, main area. The header, the
 * sidebar and the storage notice are islands: a prerendered lesson hydrates them alone.
 */
export function AppShell(props: { course: CompiledCourse; currentLessonId: string | undefined; children: ReactNode }) {
  return (
    <div className="app">
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <Island name="header">
        <SiteHeader course={props.course} />
      </Island>
      <div className="site-body">
        <Island name="sidebar">
          <Sidebar course={props.course} currentLessonId={props.currentLessonId} />
        </Island>
        <main id="main-content" tabIndex={-1}>
          <Island name="storage-notice">
            <StorageNotice />
          </Island>
          {props.children}
          <Island name="offline-status">
            <OfflineStatus />
          </Island>
        </main>
      </div>
    </div>
  );
}

/** The site's header: the menu button (narrow screens), the course title, progress and theme. */
export function SiteHeader({ course }: { course: CompiledCourse }) {
  const menuOpen = useMenuOpen();

  useEffect(() => {
    if (!menuOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setMenuOpen(false);
        document.getElementById('course-menu-button')?.focus();
      }
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [menuOpen]);

  return (
    <header className="site-header">
      <button
        id="course-menu-button"
        type="button"
        className="button button-quiet menu-button"
        aria-expanded={menuOpen}
        aria-controls="course-sidebar"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        <span aria-hidden="true">☰</span> <span className="menu-button-text">Lessons</span>
      </button>
      {/* Plain links: each page is its own prerendered document. */}
      <a href="/" className="site-title">
        {course.title}
      </a>
      <CourseProgress course={course} />
      <ThemeToggle />
    </header>
  );
}

/** The course outline and the progress tools; a menu that folds away on narrow screens. */
export function Sidebar({ course, currentLessonId }: { course: CompiledCourse; currentLessonId: string | undefined }) {
  const menuOpen = useMenuOpen();
  return (
    <div id="course-sidebar" className={menuOpen ? 'sidebar open' : 'sidebar'}>
      <CourseOutline course={course} currentLessonId={currentLessonId} onNavigate={() => setMenuOpen(false)} />
      <ProgressTools />
    </div>
  );
}
