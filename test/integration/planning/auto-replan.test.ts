import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { domainEvents } from '#server/domain-events';
import { Job, Plan } from '#server/models/index';
import { startAutoReplanner, type AutoReplanner } from '#server/planning/auto-replanner';
import { commitPlan } from '#server/planning/commit-plan';
import { startPlanRun } from '#server/planning/start-plan-run';
import { cancelOrder } from '#server/services/orders/cancel-order';
import { createOrder } from '#server/services/orders/create-order';

import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { seedPlanningFixture, type PlanningFixture } from './planning-fixture';

const DEBOUNCE_MS = 400;
const autoPlans = () => Plan.find({ 'options.trigger': 'auto' }).sort({ createdAt: 1 }).lean();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(50);
  }
}

describe('automatic re-planning', () => {
  let fixture: PlanningFixture;
  let replanner: AutoReplanner | null = null;

  const placeOrder = (quantity: number) =>
    createOrder({
      actor: fixture.planner,
      source: 'web',
      customer: { name: `Customer ${quantity}`, country: 'KE' },
      lines: [{ productId: String(fixture.hoops), quantity }],
      shipBy: fixture.shipBy(2),
    });

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    fixture = await seedPlanningFixture();
  });
  afterEach(async () => {
    await replanner?.stop();
    replanner = null;
  });

  it('prepares one suggested proposal after a burst of orders, and commits nothing', async () => {
    replanner = startAutoReplanner({ debounceMs: DEBOUNCE_MS });
    const proposed: string[] = [];
    const stop = domainEvents.subscribe('plan:proposed', (event) => proposed.push(event.trigger));
    try {
      for (const quantity of [2, 3, 4, 5]) {
        await placeOrder(quantity);
        await sleep(DEBOUNCE_MS / 4);
      }
      // Still inside the quiet period: nothing planned yet.
      expect(await autoPlans()).toHaveLength(0);

      const plans = await waitFor(autoPlans, (found) => found.length > 0);
      await sleep(DEBOUNCE_MS * 3);
      const settled = await autoPlans();
      expect(settled).toHaveLength(1);
      expect(plans[0]._id).toEqual(settled[0]._id);
      expect(settled[0].status).toBe('proposal');
      expect(settled[0].options).toMatchObject({ trigger: 'auto', reason: '4 new orders' });
      // The suggestion covers the new orders' 14 hoops on top of the 54 units open before.
      expect(settled[0].inputs.demandUnits).toBe(54 + 14);
      expect(proposed).toEqual(['auto']);
      expect(await Job.countDocuments({ plan: { $exists: true } })).toBe(0);
      expect(await Plan.countDocuments({ status: 'committed' })).toBe(0);
    } finally {
      stop();
    }
  });

  it('replaces its earlier suggestion when more changes come, and says why', async () => {
    replanner = startAutoReplanner({ debounceMs: DEBOUNCE_MS });
    const order = await placeOrder(2);
    const first = await waitFor(autoPlans, (found) => found.length === 1);
    await cancelOrder({ actor: fixture.planner, orderId: String(order._id), reason: 'customer cancelled' });
    // Wait until the second suggestion is stored and has replaced the first.
    const both = await waitFor(autoPlans, (found) => found.length === 2 && found[0].status !== 'proposal');

    expect(both.map((plan) => plan.options)).toMatchObject([
      { reason: '1 new order' },
      { reason: '1 cancelled order' },
    ]);
    expect(both.map((plan) => plan.status)).toEqual(['superseded', 'proposal']);
    expect(String(both[0].supersededBy)).toBe(String(both[1]._id));
    expect(String(first[0]._id)).toBe(String(both[0]._id));
  });

  it('does not re-plan in answer to a commit’s own job offers', async () => {
    replanner = startAutoReplanner({ debounceMs: DEBOUNCE_MS });
    const { planId } = await startPlanRun({ actor: fixture.planner, trigger: 'planner' }).outcome;
    await commitPlan({ planId, actor: fixture.planner });
    await sleep(DEBOUNCE_MS * 3);
    expect(await autoPlans()).toHaveLength(0);
  });

  it('drops a pending re-plan when stopped', async () => {
    replanner = startAutoReplanner({ debounceMs: DEBOUNCE_MS });
    await placeOrder(2);
    await replanner.stop();
    await sleep(DEBOUNCE_MS * 2);
    expect(await autoPlans()).toHaveLength(0);
  });
});
