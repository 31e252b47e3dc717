import { type Logger } from '../logger';

export interface PollingWorker {
  /** No new round starts; resolves once the round under way (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `round` now and every `pollMs` after, one round at a time: a slow round delays the next
 * rather than overlapping it, and a failed round is logged and the next one tries again. The
 * background senders (payouts, SMS) are such loops; their state lives in the database.
 */
export function startPollingWorker({
  name,
  pollMs,
  logger,
  round,
}: {
  name: string;
  pollMs: number;
  logger: Logger;
  /** One pass of the work; `isStopped` says whether to stop between items. */
  round: (isStopped: () => boolean) => Promise<void>;
}): PollingWorker {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const isStopped = () => stopped;
  const tick = () => {
    running = running
      .then(() => (stopped ? undefined : round(isStopped)))
      .catch((error: unknown) => logger.error({ err: error }, `${name} round failed`));
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
