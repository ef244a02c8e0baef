// First: the kinds of progress record are registered before the progress store is made.
import './progressRecords';
import type { ReactNode } from 'react';
import { hydrateIsland, hydrateLessonIslands, islandElement } from '../lesson/islands';
import { loadLessonData } from '../lesson/loadLesson';
import type { CompiledCourse } from '../lesson/types';
import { nextTask } from '../lib/nextTask';
import { OfflineStatus } from '../offline';
import { StorageNotice } from '../progress';
import { Sidebar, SiteHeader } from './AppShell';
import { markEmbedsLive, markInteractive } from './interactive';
import type { Route } from './routes';

/**
 * Makes a prerendered lesson page live, island by island (see src/ui/Island.tsx): the
 * header, the sidebar, the storage notice and the offline status at once, then the
 * lesson's islands (its contents and embeds, which wake as they are needed). The prose
 * is never hydrated.
 */
export async function hydrateLessonPage(
  course: CompiledCourse,
  route: Extract<Route, { kind: 'lesson' }>,
): Promise<void> {
  // "/" shows the first lesson; give it its shareable address.
  if (window.location.pathname === '/') {
    window.history.replaceState(window.history.state, '', route.canonicalPath + window.location.hash);
  }
  const shell: [string, ReactNode][] = [
    ['header', <SiteHeader key="header" course={course} />],
    ['sidebar', <Sidebar key="sidebar" course={course} currentLessonId={route.lessonId} />],
    ['storage-notice', <StorageNotice key="notice" />],
    ['offline-status', <OfflineStatus key="offline" />],
  ];
  // One island per task, the first after the task that ran the page's modules: all in
  // one task was the longest task left at load on a phone.
  for (const [name, node] of shell) {
    const element = islandElement(name);
    if (!element) continue;
    await nextTask();
    hydrateIsland(element, node);
  }
  markInteractive();
  const article = document.querySelector<HTMLElement>('article.lesson');
  // Without the lesson's data the page stays readable as it is; its embeds stay asleep.
  const lesson = await loadLessonData(route.lessonId).catch(() => undefined);
  if (!lesson || !article) return;
  await hydrateLessonIslands(lesson, article);
  markEmbedsLive();
}
