import { PerformanceObserver } from 'node:perf_hooks';

/** A turn of the event loop longer than this is a stall. */
const STALL_MS = 50;
const TICK_MS = 10;

export interface Stalls {
  /** Turns longer than STALL_MS since the last take, in ms. */
  stalls: number[];
  /** Garbage-collection pauses longer than STALL_MS among them (a stall without one is code). */
  gcPauses: number[];
}

/**
 * Watches a benchmark server's event loop: while one turn runs, every request waiting meanwhile
 * waits as long, so stalls are what a tail of latencies is made of. `take()` returns what was seen
 * since the last take and starts afresh.
 */
export function watchEventLoopStalls(): { take: () => Stalls } {
  const stalls: number[] = [];
  const gcPauses: number[] = [];
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) if (entry.duration > STALL_MS) gcPauses.push(Math.round(entry.duration));
  }).observe({ entryTypes: ['gc'] });
  let lastTick = performance.now();
  setInterval(() => {
    const tick = performance.now();
    if (tick - lastTick > STALL_MS + TICK_MS) stalls.push(Math.round(tick - lastTick - TICK_MS));
    lastTick = tick;
  }, TICK_MS).unref();
  return { take: () => ({ stalls: stalls.splice(0), gcPauses: gcPauses.splice(0) }) };
}
