import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { progressStore } from '../progress';
import { embedWidth } from './embedList';
import { Embed } from './embeds';
import { LessonContext } from './LessonContext';
import { OnThisPage } from './OnThisPage';
import { lessonPath } from './paths';
import { useScrollRegions } from './scrollableRegions';
import type { CompiledLesson, LessonSection, OutlineLesson } from './types';

export function LessonPage({ lesson, position }: { lesson: CompiledLesson; position: number }) {
  const article = useRef<HTMLElement>(null);
  useScrollRegions(article);

  useEffect(() => {
    progressStore.getState().markVisited(lesson.id);
  }, [lesson.id]);

  useEffect(() => {
    // A prerendered page was already scrolled to its #anchor by the browser; a page
    // rendered here (dev server, another lesson) was not, so do it now.
    if (lesson.id && window.scrollY === 0) scrollToHash(window.location.hash);
  }, [lesson.id]);

  return (
    <article className="lesson" aria-labelledby="lesson-title" ref={article}>
      <header className="lesson-header">
        <p className="lesson-eyebrow">
          Lesson {position} · about {lesson.minutes} minutes
        </p>
        <h1 id="lesson-title" elementtiming="lesson-title">
          {lesson.title}
        </h1>
        <p className="lesson-summary">{lesson.summary}</p>
      </header>
      <div className="lesson-body">
        <OnThisPage headings={lesson.headings} />
        <div className="lesson-content">
          <LessonContext.Provider value={lesson.id}>
            {lesson.sections.map((section) => (
              <Section key={section.id} section={section} />
            ))}
          </LessonContext.Provider>
        </div>
      </div>
      <Pager previous={lesson.previous} next={lesson.next} />
    </article>
  );
}

/** Scrolls to the element a `#id` names; an unknown or malformed id leaves the page at the top. */
function scrollToHash(hash: string) {
  if (hash.length < 2) return;
  let id: string;
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    return;
  }
  document.getElementById(id)?.scrollIntoView();
}

function Section({ section }: { section: LessonSection }) {
  return (
    <section className="lesson-section">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: build-time HTML (the title and its # link) */}
      <h2 id={section.id} dangerouslySetInnerHTML={{ __html: section.titleHtml }} />
      {section.blocks.map((block, index) =>
        block.type === 'html' ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: build-time HTML from the lesson's Markdown
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks are fixed for a build
          <div key={index} className="prose" dangerouslySetInnerHTML={{ __html: block.html }} />
        ) : (
          // Every embed sits in a slot that says how wide it may be (its embed.ts): the stylesheet
          // lets wide ones take the column beside the text too.
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks are fixed for a build
          <div key={index} className={`embed-slot embed-slot-${embedWidth(block.embed.name)}`}>
            <Embed embed={block.embed} />
          </div>
        ),
      )}
    </section>
  );
}

function Pager({ previous, next }: { previous: OutlineLesson | null; next: OutlineLesson | null }) {
  if (!previous && !next) return null;
  return (
    <nav className="pager" aria-label="Previous and next lessons">
      {previous && <PagerLink lesson={previous} direction="Previous" />}
      {next && <PagerLink lesson={next} direction="Up next" />}
    </nav>
  );
}

function PagerLink({ lesson, direction }: { lesson: OutlineLesson; direction: 'Previous' | 'Up next' }) {
  const className = `pager-link pager-${direction === 'Previous' ? 'previous' : 'next'}`;
  if (!lesson.available) {
    // Not a link and not "up next": a lesson without content is only announced.
    return (
      <p className={`${className} pager-unavailable`}>
        <span className="pager-direction">
          {direction === 'Previous' ? 'Previous lesson' : 'Next lesson'}, coming soon
        </span>
        <span className="pager-title">{lesson.title}</span>
        <span className="pager-note">
          {lesson.summary} This lesson is not written yet, so there is nothing to open.
        </span>
      </p>
    );
  }
  return (
    <Link href={lessonPath(lesson.id)} className={className}>
      <span className="pager-direction">{direction}</span>
      <span className="pager-title">{lesson.title}</span>
    </Link>
  );
}
