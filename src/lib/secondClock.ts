/** A clock that ticks once a second while anyone listens, shared by all its listeners. */
export interface SecondClock {
  subscribe(listener: () => void): () => void;
  /** The current time in whole seconds since the epoch. */
  read(): number;
}

/**
 * One interval for every listener, started with the first and stopped with the last.
 * The default reads `Date.now()` at each tick (not a reference taken at import), so a
 * faked or adjusted `Date` is seen.
 * `now` is injectable (milliseconds), so tests can freeze or move time.
 *
 * @example
 * const clock = createSecondClock(() => 1_700_000_000_000);
 * clock.read(); // 1700000000
 */
export function createSecondClock(now: () => number = () => Date.now()): SecondClock {
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let current = 0;
  const tick = () => {
    current = Math.floor(now() / 1000);
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        tick();
        timer = setInterval(() => {
          tick();
          for (const notify of listeners) notify();
        }, 1000);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    read: () => (timer ? current : Math.floor(now() / 1000)),
  };
}

/** The page's clock, shared by every countdown on it. */
export const pageClock: SecondClock = createSecondClock();
