import { useMemo, useState } from 'react';
import type { LessonHeading } from './types';
import { useActiveHeading } from './useActiveHeading';

/** The lesson's contents, following the section in view; folds into a button on narrow screens. */
export function OnThisPage({ headings }: { headings: LessonHeading[] }) {
  const ids = useMemo(() => headings.map((heading) => heading.id), [headings]);
  const active = useActiveHeading(ids);
  const [open, setOpen] = useState(false);

  return (
    <nav className="on-this-page" aria-label="On this page">
      {/* Wide screens show the heading; narrow ones the button that folds the list (CSS picks one). */}
      <h2 className="on-this-page-label">On this page</h2>
      <button
        type="button"
        className="on-this-page-toggle"
        aria-expanded={open}
        aria-controls="on-this-page-list"
        onClick={() => setOpen(!open)}
      >
        On this page
      </button>
      <ol id="on-this-page-list" className={open ? 'toc open' : 'toc'}>
        {headings.map((heading) => (
          <li key={heading.id} className={`toc-level-${heading.level}`}>
            <a
              href={`#${heading.id}`}
              aria-current={heading.id === active ? 'location' : undefined}
              onClick={() => setOpen(false)}
            >
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
