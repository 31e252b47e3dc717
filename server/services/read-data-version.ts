import { createHash } from 'node:crypto';

import { type Model } from 'mongoose';

import { Absence } from '../models/absence';
import { Artisan } from '../models/artisan';
import { GazettedHoliday } from '../models/gazetted-holiday';
import { Job } from '../models/job';
import { NEWEST_CHANGE_FIRST } from '../models/newest-change-index';
import { Order } from '../models/order';
import { PlanLever } from '../models/plan-lever';
import { Product } from '../models/product';
import { Workshop } from '../models/workshop';

/**
 * The collections planning reads (planners' pins and ruled-out workshops among them): a change to any of them can change a plan. The events that
 * announce such changes to the browser are PLAN_INPUT_EVENTS (domain/events.ts).
 */
export const PLANNING_INPUT_MODELS = [
  Order,
  Job,
  Artisan,
  Workshop,
  Product,
  Absence,
  GazettedHoliday,
  PlanLever,
] as unknown as readonly Model<{
  updatedAt: Date;
}>[];

/**
 * A short stamp of the data planning reads: it changes whenever a document of those collections
 * is added, removed or updated. A plan records the stamp it was computed from, so a proposal made
 * on data that has moved on can be recognised as stale.
 */
export async function readDataVersion(): Promise<string> {
  const parts = await Promise.all(
    PLANNING_INPUT_MODELS.map(async (model) => {
      const [count, newest] = await Promise.all([
        model.countDocuments(),
        model.findOne({}, { updatedAt: 1 }).sort(NEWEST_CHANGE_FIRST).lean(),
      ]);
      return `${model.modelName}:${count}:${newest ? `${newest.updatedAt?.toISOString()}:${String(newest._id)}` : '-'}`;
    }),
  );
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 16);
}
