import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR } from '#server/domain/actor';
import { Plan } from '#server/models/index';
import { startPlanRun } from '#server/planning/start-plan-run';
import { createOrder } from '#server/services/orders/create-order';

import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { PLANNING_NOW, seedPlanningFixture, type PlanningFixture } from './planning-fixture';

/** The suggested re-plan after new orders keeps to the proposal under review and lists only what moves. */
describe('an incremental suggested re-plan', () => {
  let fixture: PlanningFixture;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    fixture = await seedPlanningFixture({ now: PLANNING_NOW });
  });

  it('keeps every assignment of the proposal and lists only the new order’s work', async () => {
    const first = await startPlanRun({ actor: fixture.planner, trigger: 'planner', now: PLANNING_NOW }).outcome;
    const reviewed = (await Plan.findById(first.planId).lean())!;
    const order = await createOrder({
      actor: fixture.planner,
      source: 'web',
      customer: { name: 'New customer', country: 'KE' },
      lines: [{ productId: String(fixture.bangles), quantity: 4 }],
      shipBy: fixture.shipBy(2),
      placedAt: PLANNING_NOW,
    });

    const run = startPlanRun({
      actor: { ...SYSTEM_ACTOR, label: 'automatic re-plan' },
      trigger: 'auto',
      reason: '1 new order',
      incremental: true,
      now: PLANNING_NOW,
    });
    await run.outcome;
    const suggested = (await Plan.findById(run.planId).lean())!;

    expect(String(suggested.incremental?.basePlan)).toBe(first.planId);
    for (const kept of reviewed.assignments) {
      const same = suggested.assignments.find(
        (a) =>
          String(a.orderLine) === String(kept.orderLine) &&
          String(a.workshop) === String(kept.workshop) &&
          a.week === kept.week,
      );
      expect(same?.quantity).toBe(kept.quantity);
    }
    const moves = suggested.incremental!.moves;
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.every((move) => String(move.order) === String(order._id) && !move.fromWorkshop)).toBe(true);
    expect(moves.reduce((sum, move) => sum + move.units, 0)).toBe(4);
  });

  it('without a proposal to keep to, plans in full and records no diff', async () => {
    const run = startPlanRun({ actor: SYSTEM_ACTOR, trigger: 'auto', incremental: true, now: PLANNING_NOW });
    await run.outcome;
    const plan = (await Plan.findById(run.planId).lean())!;
    expect(plan.incremental).toBeUndefined();
    expect(plan.assignments.length).toBeGreaterThan(0);
  });
});
