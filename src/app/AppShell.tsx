import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { CompiledCourse } from '../lesson/types';
import { ProgressTools, StorageNotice } from '../progress';
import { CourseOutline, CourseProgress } from './CourseOutline';
import { ThemeToggle } from './ThemeToggle';

/** The frame of every page: skip link, header, course outline, main area. */
export function AppShell(props: { course: CompiledCourse; currentLessonId: string | undefined; children: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);

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
    <div className="app">
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
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
        <Link href="/" className="site-title">
          {props.course.title}
        </Link>
        <CourseProgress course={props.course} />
        <ThemeToggle />
      </header>
      <div className="site-body">
        <div id="course-sidebar" className={menuOpen ? 'sidebar open' : 'sidebar'}>
          <CourseOutline
            course={props.course}
            currentLessonId={props.currentLessonId}
            onNavigate={() => setMenuOpen(false)}
          />
          <ProgressTools />
        </div>
        <main id="main-content" tabIndex={-1}>
          <StorageNotice />
          {props.children}
        </main>
      </div>
    </div>
  );
}
