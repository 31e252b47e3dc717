import { setImmediate as nextTurn, setTimeout as pause } from 'node:timers/promises';

/**
 * A long computation written once as steps: a generator that yields where it may stop for a
 * moment. Callers that need the answer now run it through at once; a read that runs behind
 * answers still given from what it replaces runs it in the background, so that requests arriving
 * meanwhile wait for one step at most rather than the whole computation.
 */
export type Steps<T> = Generator<void, T>;

/**
 * The share of the thread a background computation takes at most: it rests three times as long
 * as each step ran. Requests then keep most of the thread while it runs, however many arrive,
 * and the computation takes a few times longer to finish.
 */
const BACKGROUND_SHARE = 0.25;

/** Runs every step at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps in the background: the event loop gets its turns, and most of the thread, between them. */
export async function runStepsInBackground<T>(steps: Steps<T>): Promise<T> {
  const giveWay = backgroundPace();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await giveWay();
  }
}

/** Runs the steps at once, or in the background for a read behind answers still given. */
export async function runStepsAs<T>(steps: Steps<T>, { background }: { background: boolean }): Promise<T> {
  return background ? runStepsInBackground(steps) : runSteps(steps);
}

/**
 * For a loop that runs in the background step by step (reading a cursor, for one): called at the
 * end of each step, it gives the event loop a turn and rests long enough to keep the loop to its
 * share of the thread.
 */
export function backgroundPace(): () => Promise<void> {
  let stepStartedAt = performance.now();
  return async () => {
    const rest = ((performance.now() - stepStartedAt) * (1 - BACKGROUND_SHARE)) / BACKGROUND_SHARE;
    await (rest >= 1 ? pause(rest) : nextTurn());
    stepStartedAt = performance.now();
  };
}
