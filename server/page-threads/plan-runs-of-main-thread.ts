import { type RunningPlan, type SharedPlanRuns } from '../planning/plan-run-registry';
import { type FromPageThread } from './page-thread-messages';

/**
 * A page thread's view of plan runs: the main thread's registry holds the run under way (and,
 * with REDIS_URL, sees every process's), so a page shows its progress by asking there. Page
 * threads serve only GET and HEAD requests, which never start a run; starting one here is refused.
 */
export function planRunsOfMainThread(send: (message: FromPageThread) => void): {
  shared: SharedPlanRuns;
  /** The main thread's answer to question `call`. */
  answer(call: number, run: RunningPlan | null): void;
} {
  let calls = 0;
  const waiting = new Map<number, (run: RunningPlan | null) => void>();
  const refuse = (): never => {
    throw new Error('plan runs start on the main thread; a page thread only shows them');
  };
  return {
    shared: {
      claim: async () => refuse(),
      report: () => undefined,
      finish: async () => undefined,
      outcomeOf: async () => refuse(),
      current: () =>
        new Promise((resolve) => {
          calls += 1;
          waiting.set(calls, resolve);
          send({ type: 'current-plan-run', call: calls });
        }),
    },
    answer(call, run) {
      waiting.get(call)?.(run);
      waiting.delete(call);
    },
  };
}
