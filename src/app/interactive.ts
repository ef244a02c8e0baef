/**
 * Marks the moment the page answers the learner: the shell is live. Tests and the bench
 * wait for this mark ('app-interactive').
 */
export function markInteractive(): void {
  if (performance.getEntriesByName('app-interactive').length === 0) performance.mark('app-interactive');
}

/**
 * Marks the moment every embed is live ('embeds-live'): on a prerendered lesson each wakes
 * as the learner nears or touches it (src/lesson/islands.tsx). Browser tests wait for it
 * (waitForApp, which passes the pointer over every embed).
 */
export function markEmbedsLive(): void {
  if (performance.getEntriesByName('embeds-live').length === 0) performance.mark('embeds-live');
}
