/** Randomness for minting test tokens, injectable so tests can fix it (house rule 7). */
export interface RandomSource {
  /** `count` random bytes. */
  bytes(count: number): Uint8Array;
  /** An integer in [0, below). */
  int(below: number): number;
}

export const cryptoRandom: RandomSource = {
  bytes: (count) => crypto.getRandomValues(new Uint8Array(count)),
  int: (below) => {
    const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
    return value % below;
  },
};

/**
 * A reproducible source (mulberry32) for tests and benchmarks.
 *
 * @example seededRandom(42).int(10) // always the same number
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    bytes: (count) => Uint8Array.from({ length: count }, () => Math.floor(next() * 256)),
    int: (below) => Math.floor(next() * below),
  };
}
