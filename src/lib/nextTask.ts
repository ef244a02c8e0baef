/**
 * Resolves in a later task, so the browser can paint and answer input between two pieces
 * of start-up work instead of running them as one long task. Uses `scheduler.yield()`
 * where the browser has it (the caller then goes on before other queued work), else a
 * zero-delay timer.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
