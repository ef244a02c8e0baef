import { useSyncExternalStore } from 'react';
import { pageClock, type SecondClock } from '../lib/secondClock';

const serverSecond = () => 0;

/** The current second, re-rendering once a second; 0 while rendering on the server. */
export function useSecondClock(clock: SecondClock = pageClock): number {
  return useSyncExternalStore(clock.subscribe, clock.read, serverSecond);
}
