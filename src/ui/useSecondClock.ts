import { startTransition, useEffect, useState } from 'react';
import { pageClock, type SecondClock } from '../lib/secondClock';

/**
 * The current second, re-rendering once a second; 0 on the server and in the first render
 * (the prerendered HTML has no clock). Each tick is a transition: React renders it in
 * slices when it can, so a big component that shows a countdown never blocks the page,
 * nor its hydration (a store read with useSyncExternalStore would re-render it at once,
 * in one task, the moment it hydrates).
 */
export function useSecondClock(clock: SecondClock = pageClock): number {
  const [now, setNow] = useState(0);
  useEffect(() => {
    const update = () => startTransition(() => setNow(clock.read()));
    update();
    return clock.subscribe(update);
  }, [clock]);
  return now;
}
