import { SYSTEM_ACTOR } from '../domain/actor';
import { domainEvents } from '../domain-events';
import { type Logger } from '../logger';
import { waitForCurrentPlanRun } from './plan-run-registry';
import { startPlanRun } from './start-plan-run';

export const DEFAULT_REPLAN_DEBOUNCE_MS = 30_000;

export interface AutoReplanner {
  /** Stops listening, drops a pending re-plan and waits for one under way to finish. */
  stop(): Promise<void>;
}

interface PendingChanges {
  ordersCreated: number;
  ordersCancelled: number;
  workshops: Set<string>;
}

/**
 * Prepares a suggested proposal when orders arrive or are cancelled or capacity changes: it waits
 * until things have been quiet for `debounceMs` (or `maxWaitMs` has passed since the first
 * change), then plans with trigger 'auto', incrementally: the newest open proposal's assignments
 * stay unless moving them places more, and the suggestion lists only what moves against it. It
 * never commits; a planner reviews the suggestion.
 */
export function startAutoReplanner({
  debounceMs = DEFAULT_REPLAN_DEBOUNCE_MS,
  maxWaitMs = debounceMs * 4,
  weeks,
  logger,
  now = () => new Date(),
  claimPreparation = async () => true,
}: {
  debounceMs?: number;
  maxWaitMs?: number;
  weeks?: number;
  logger?: Logger;
  /** The server's clock: a suggestion is planned as of the moment it runs. */
  now?: () => Date;
  /**
   * With several app processes every one of them hears the same changes and fires at about the
   * same moment; only the one that wins this claim prepares the suggestion (server/scale/replan-claim.ts).
   */
  claimPreparation?: () => Promise<boolean>;
} = {}): AutoReplanner {
  let pending: PendingChanges | null = null;
  let firstChangeAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const noteChange = (change: (changes: PendingChanges) => void) => {
    if (stopped) return;
    if (!pending) {
      pending = { ordersCreated: 0, ordersCancelled: 0, workshops: new Set() };
      firstChangeAt = Date.now();
    }
    change(pending);
    if (timer) clearTimeout(timer);
    const wait = Math.min(debounceMs, Math.max(0, firstChangeAt + maxWaitMs - Date.now()));
    timer = setTimeout(fire, wait);
    timer.unref?.();
  };

  const fire = () => {
    timer = null;
    if (stopped || !pending) return;
    const changes = pending;
    pending = null;
    running = replan(changes).finally(() => {
      running = null;
    });
  };

  const replan = async (changes: PendingChanges) => {
    // A run already under way may have read the data before these changes: plan again after it.
    // Claimed before waiting, so a process that fires while another's suggestion runs steps aside.
    if (!(await claimPreparation().catch(() => true))) return;
    await waitForCurrentPlanRun();
    if (stopped) return;
    try {
      const run = startPlanRun({
        actor: { ...SYSTEM_ACTOR, label: 'automatic re-plan' },
        trigger: 'auto',
        reason: describe(changes),
        // A suggestion keeps to the proposal planners have been reviewing and lists only what moves.
        incremental: true,
        weeks,
        logger,
        now: now(),
      });
      await run.outcome;
    } catch (error) {
      logger?.error({ err: error }, 'automatic re-plan failed');
    }
  };

  const unsubscribers = [
    domainEvents.subscribe('order:created', () => noteChange((changes) => void (changes.ordersCreated += 1))),
    domainEvents.subscribe('order:cancelled', () => noteChange((changes) => void (changes.ordersCancelled += 1))),
    domainEvents.subscribe('capacity:changed', (event, origin) => {
      // A commit's own job offers change committed capacity; re-planning after it would only echo the commit.
      if (origin.duringPlanCommit) return;
      noteChange((changes) => event.workshopIds.forEach((id) => changes.workshops.add(id)));
    }),
  ];

  return {
    async stop() {
      stopped = true;
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
      await running;
    },
  };
}

function describe({ ordersCreated, ordersCancelled, workshops }: PendingChanges): string {
  const parts: string[] = [];
  if (ordersCreated > 0) parts.push(`${ordersCreated} new ${ordersCreated === 1 ? 'order' : 'orders'}`);
  if (ordersCancelled > 0) parts.push(`${ordersCancelled} cancelled ${ordersCancelled === 1 ? 'order' : 'orders'}`);
  if (workshops.size > 0)
    parts.push(`capacity changed in ${workshops.size} ${workshops.size === 1 ? 'workshop' : 'workshops'}`);
  return parts.join(', ');
}
