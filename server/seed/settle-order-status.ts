import { addMinutes } from 'date-fns';

import { CAPACITY_HOLDING_STATUSES, NOT_STARTED_JOB_STATUSES } from '../domain/job-status';
import { type JobDoc } from '../models/job';
import { type OrderDoc } from '../models/order';
import { type Random } from './random';

/**
 * An order's status follows its jobs: shipped once every unit passed QC and was plated (at HQ,
 * for gold pieces) and packed; in production once work began; planned before that.
 */
export function settleOrderStatus({
  random,
  order,
  jobs,
  goldPlated,
  now,
}: {
  random: Random;
  order: OrderDoc;
  jobs: readonly JobDoc[];
  goldPlated: boolean;
  now: Date;
}): OrderDoc {
  const live = jobs.filter((job) => CAPACITY_HOLDING_STATUSES.includes(job.status));
  const allPassed = live.length > 0 && live.every((job) => job.status === 'passed' || job.status === 'paid');
  if (allPassed) {
    const lastPassed = Math.max(...live.map((job) => job.passedAt?.getTime() ?? 0));
    const finishingMinutes = goldPlated ? random.int(20 * 60, 44 * 60) : random.int(4 * 60, 20 * 60);
    const shippedAt = addMinutes(new Date(lastPassed), finishingMinutes);
    if (shippedAt <= now) return { ...order, status: 'shipped', shippedAt, updatedAt: shippedAt };
  }
  const started = live.some((job) => !NOT_STARTED_JOB_STATUSES.includes(job.status));
  const lastChange = new Date(Math.max(order.updatedAt.getTime(), ...live.map((job) => job.updatedAt.getTime())));
  return { ...order, status: started ? 'in_production' : 'planned', updatedAt: lastChange };
}
