import { createContext, type ReactNode, useContext } from 'react';

/** The attribute that marks an island in the prerendered HTML: a part the page hydrates on its own. */
export const ISLAND_ATTRIBUTE = 'data-island';

/**
 * Set on an island once it is live: by the page when it hydrates a prerendered island, by
 * `Island` itself when the page renders it. Until then its HTML must stay exactly what the
 * server rendered: the page changes nothing inside a sleeping island.
 */
export const ISLAND_LIVE_ATTRIBUTE = 'data-island-live';

/** Whether `element` is inside an island that is not hydrated yet. */
export function insideSleepingIsland(element: Element): boolean {
  return element.closest(`[${ISLAND_ATTRIBUTE}]:not([${ISLAND_LIVE_ATTRIBUTE}])`) !== null;
}

/**
 * The prefix of the ids React makes (useId) inside an island. An island is rendered on
 * the server and hydrated in the page as a root of its own, with this prefix, so the ids
 * in its HTML are the ones its hydrated code refers to (labels, descriptions).
 */
export const islandIdPrefix = (name: string) => `${name}-`;

/** The marker the server render leaves where an island's own HTML goes (see `IslandCollector`). */
export const islandPlaceholder = (name: string) => `<!--island:${name}-->`;

/**
 * On the server: where each island's content is kept, to be rendered as a root of its own
 * and put in place of its placeholder (src/entry-server.tsx). Absent in the page.
 */
export const IslandCollector = createContext<Map<string, ReactNode> | null>(null);

/**
 * A part of the page that is hydrated on its own (src/app/islands.tsx): the prerendered
 * HTML keeps everything else static. The default class adds no box (`display: contents`);
 * an embed's slot is its island, with its own class. What it wraps must not read React
 * context from outside it: it is rendered, and hydrated, as a root of its own.
 */
export function Island({
  name,
  className = 'island',
  children,
}: {
  name: string;
  className?: string;
  children: ReactNode;
}) {
  const collector = useContext(IslandCollector);
  const attributes = { className, [ISLAND_ATTRIBUTE]: name };
  if (collector) {
    collector.set(name, children);
    // biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed marker, replaced by the island's own HTML
    return <div {...attributes} dangerouslySetInnerHTML={{ __html: islandPlaceholder(name) }} />;
  }
  // Rendered here, not hydrated: live from the start.
  return (
    <div {...attributes} {...{ [ISLAND_LIVE_ATTRIBUTE]: '' }}>
      {children}
    </div>
  );
}
