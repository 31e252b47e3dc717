/**
 * A small deterministic generator (mulberry32), so that every run of a benchmark sends the same
 * mix: the same seed gives the same sequence.
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[between(0, items.length - 1)];
  const maybe = (share: number) => next() < share;
  return { next, between, pick, maybe };
}

export type SeededRandom = ReturnType<typeof seededRandom>;
