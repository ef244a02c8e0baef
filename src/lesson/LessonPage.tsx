import { useEffect, useMemo, useRef } from 'react';
import { progressStore } from '../progress';
import { Island } from '../ui/Island';
import { embedWidth } from './embedList';
import { Embed } from './embeds';
import { keepJumpsOnTarget, scrollToHash } from './hashTarget';
import { LessonContext } from './LessonContext';
import { lessonEmbeds } from './loadLesson';
import { OnThisPage } from './OnThisPage';
import { lessonPath } from './paths';
import { keepReadingPlace } from './readingPlace';
import { watchScrollRegions } from './scrollableRegions';
import type { CompiledLesson, EmbedData, LessonSection, OutlineLesson } from './types';

/** The island name of the lesson's `index`-th embed (page order): see src/lesson/islands.tsx. */
export const embedIslandName = (index: number) => `embed-${index}`;

/**
 * What a lesson page does once it is live, rendered here or hydrated island by island:
 * marks the lesson visited, keeps its scrolling boxes keyboard stops and keeps the
 * learner's place across a reload (see readingPlace.ts). Returns the
 * function that stops it.
 */
export function attachLessonPage(lessonId: string, article: HTMLElement): () => void {
  progressStore.getState().markVisited(lessonId);
  const stopWatching = watchScrollRegions(article);
  const stopJumps = keepJumpsOnTarget(article);
  const stopKeepingPlace = keepReadingPlace(article);
  return () => {
    stopWatching();
    stopJumps();
    stopKeepingPlace();
  };
}

/**
 * The whole lesson. On a prerendered page only its islands are hydrated (the contents and
 * each embed); the rest stays the static HTML it rendered to.
 */
export function LessonPage({ lesson, position }: { lesson: CompiledLesson; position: number }) {
  const article = useRef<HTMLElement>(null);
  const islandOf = useMemo(
    () => new Map<EmbedData, string>(lessonEmbeds(lesson).map((embed, index) => [embed, embedIslandName(index)])),
    [lesson],
  );

  useEffect(() => {
    if (article.current) return attachLessonPage(lesson.id, article.current);
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
        <Island name="contents">
          <OnThisPage headings={lesson.headings} />
        </Island>
        <div className="lesson-content">
          {lesson.sections.map((section) => (
            <Section key={section.id} section={section} lessonId={lesson.id} islandOf={islandOf} />
          ))}
        </div>
      </div>
      <Pager previous={lesson.previous} next={lesson.next} />
    </article>
  );
}

/** One embed of a lesson, with the lesson it is in: what an embed's island holds. */
export function LessonEmbed({ lessonId, embed }: { lessonId: string; embed: EmbedData }) {
  return (
    <LessonContext.Provider value={lessonId}>
      <Embed embed={embed} />
    </LessonContext.Provider>
  );
}

function Section(props: { section: LessonSection; lessonId: string; islandOf: Map<EmbedData, string> }) {
  const { section, lessonId, islandOf } = props;
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
          // lets wide ones take the column beside the text too. The slot is the embed's island.
          <Island
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks are fixed for a build
            key={index}
            name={islandOf.get(block.embed) ?? ''}
            className={`embed-slot embed-slot-${embedWidth(block.embed.name)}`}
          >
            <LessonEmbed lessonId={lessonId} embed={block.embed} />
          </Island>
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
    <a href={lessonPath(lesson.id)} className={className}>
      <span className="pager-direction">{direction}</span>
      <span className="pager-title">{lesson.title}</span>
    </a>
  );
}
