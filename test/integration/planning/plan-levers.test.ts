import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ForbiddenError } from '#server/domain/errors';
import { type DomainEventPayload } from '#server/domain/events';
import { domainEvents } from '#server/domain-events';
import { Artisan, AuditEvent, Order, Plan, PlanLever, Workshop } from '#server/models/index';
import { isProposalStale } from '#server/planning/is-proposal-stale';
import { listPlanLevers } from '#server/planning/levers/list-plan-levers';
import { removePlanLever } from '#server/planning/levers/remove-plan-lever';
import { PlanLeverConflictError, setPlanLever } from '#server/planning/levers/set-plan-lever';
import { startPlanRun } from '#server/planning/start-plan-run';
import { cancelOrder } from '#server/services/orders/cancel-order';

import { makeActor } from '../../factories/actors';
import { makeArtisan, makeWorkshop } from '../../factories/network';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { PLANNING_NOW, seedPlanningFixture, type PlanningFixture } from './planning-fixture';

/** Pins and ruled-out workshops kept as planning input and carried into every plan run. */
describe('planners’ levers', () => {
  let fixture: PlanningFixture;
  let second: string;
  let normalHoops: string;
  let rushHoops: string;
  const planner = makeActor('planner');
  const plan = async () => {
    const run = startPlanRun({ actor: planner, trigger: 'planner', now: PLANNING_NOW });
    await run.outcome;
    return (await Plan.findById(run.planId).lean())!;
  };

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    fixture = await seedPlanningFixture({ now: PLANNING_NOW });
    // A second brass workshop, so that ruling one out leaves somewhere to go.
    const workshop = await Workshop.create(makeWorkshop({ code: 'KIB-505', name: 'Second Brass' }));
    await Artisan.create(makeArtisan({ workshop: workshop._id, skills: ['brass-casting'], weeklyHours: 40 }));
    second = String(workshop._id);
    const orders = await Order.find({ _id: { $in: [fixture.normalOrder, fixture.rushOrder] } }).lean();
    normalHoops = String(orders.find((o) => String(o._id) === String(fixture.normalOrder))!.lines[0]._id);
    rushHoops = String(orders.find((o) => String(o._id) === String(fixture.rushOrder))!.lines[0]._id);
  });

  it('keeps a pin and a rule-out, audited and announced, and every plan run obeys them', async () => {
    const heard: DomainEventPayload<'plan:lever-changed'>[] = [];
    const stop = domainEvents.subscribe('plan:lever-changed', (event) => heard.push(event));
    const before = await plan();
    try {
      await setPlanLever({
        actor: planner,
        now: PLANNING_NOW,
        kind: 'pin',
        orderLineId: normalHoops,
        workshopId: second,
        // The order ships on the Friday of weeks[2]; its last usable week (ending by then) is weeks[1].
        week: fixture.weeks[1],
        quantity: 10,
      });
      await setPlanLever({
        actor: planner,
        now: PLANNING_NOW,
        kind: 'rule-out',
        orderLineId: rushHoops,
        workshopCode: 'kib-101',
      });
    } finally {
      stop();
    }
    expect(heard.map((event) => [event.kind, event.change])).toEqual([
      ['pin', 'set'],
      ['rule-out', 'set'],
    ]);
    expect(await AuditEvent.countDocuments({ action: 'plan_lever.set' })).toBe(2);
    // A proposal computed before a lever changed is stale, as after any change to planning's input.
    expect(await isProposalStale({ status: 'proposal', dataVersion: before.inputs.dataVersion })).toBe(true);

    for (let run = 0; run < 2; run++) {
      const after = await plan();
      const pinned = after.assignments.find(
        (a) => String(a.orderLine) === normalHoops && String(a.workshop) === second && a.week === fixture.weeks[1],
      );
      expect(pinned?.pinned).toBe(10);
      expect(pinned?.quantity).toBeGreaterThanOrEqual(10);
      const rush = after.assignments.filter((a) => String(a.orderLine) === rushHoops);
      expect(rush.length).toBeGreaterThan(0);
      expect(rush.every((a) => String(a.workshop) === second)).toBe(true);
      expect(after.pinConflicts).toEqual([]);
    }
  });

  it('explains a pin the plan cannot keep instead of failing', async () => {
    // Week 0 has half its working time left: 20 of KIB-505's 40 hours, less than 30 hoops × 60 min.
    await setPlanLever({
      actor: planner,
      now: PLANNING_NOW,
      kind: 'pin',
      orderLineId: normalHoops,
      workshopId: second,
      week: fixture.weeks[0],
      quantity: 30,
    });
    const after = await plan();
    expect(after.pinConflicts).toEqual([
      expect.objectContaining({
        reason: 'capacity',
        quantity: 30,
        week: fixture.weeks[0],
        detail: expect.stringMatching(/^30 units need 1800 minutes; KIB-505 has \d+ free in 2026-W10$/),
      }),
    ]);
    expect(after.assignments.some((a) => String(a.orderLine) === normalHoops)).toBe(true);
  });

  it('stops applying a lever once its order is cancelled, and says why', async () => {
    await setPlanLever({
      actor: planner,
      now: PLANNING_NOW,
      kind: 'rule-out',
      orderLineId: normalHoops,
      workshopCode: 'KIB-505',
    });
    expect((await listPlanLevers({ now: PLANNING_NOW })).map((row) => row.idle)).toEqual([null]);
    await cancelOrder({ actor: planner, orderId: String(fixture.normalOrder), reason: 'customer changed mind' });
    const [row] = await listPlanLevers({ now: PLANNING_NOW });
    expect(row).toMatchObject({
      kind: 'rule-out',
      workshopCode: 'KIB-505',
      idle: expect.stringMatching(/no open units/),
    });
    const after = await plan();
    expect(after.assignments.some((a) => String(a.orderLine) === normalHoops)).toBe(false);
  });

  it('refuses bad levers by naming the field, and managers altogether', async () => {
    const pin = {
      actor: planner,
      now: PLANNING_NOW,
      kind: 'pin' as const,
      orderLineId: normalHoops,
      workshopId: second,
    };
    await expect(setPlanLever({ ...pin, week: fixture.weeks[1], quantity: 31 })).rejects.toMatchObject({
      field: 'quantity',
      message: 'quantity: must be at most 30, the units of this line',
    });
    await expect(setPlanLever({ ...pin, week: '2026-W99', quantity: 3 })).rejects.toMatchObject({ field: 'week' });
    await expect(
      setPlanLever({ ...pin, workshopId: String(fixture.horn), week: fixture.weeks[1], quantity: 3 }),
    ).rejects.toMatchObject({ field: 'workshopId', message: expect.stringMatching(/MAT-202 does not have the skill/) });
    await expect(
      setPlanLever({
        actor: planner,
        now: PLANNING_NOW,
        kind: 'rule-out',
        orderLineId: normalHoops,
        workshopCode: 'XYZ-999',
      }),
    ).rejects.toMatchObject({ field: 'workshopCode', message: 'workshopCode: is not a workshop of the network' });
    await expect(
      setPlanLever({ ...pin, actor: makeActor('manager'), week: fixture.weeks[1], quantity: 3 }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    await setPlanLever({ ...pin, week: fixture.weeks[1], quantity: 3 });
    // Pinning the same cell again changes its quantity; ruling that workshop out contradicts the pin.
    await setPlanLever({ ...pin, week: fixture.weeks[1], quantity: 5 });
    const [kept] = await PlanLever.find().lean();
    expect(kept).toMatchObject({ kind: 'pin', quantity: 5, week: fixture.weeks[1] });
    await expect(
      setPlanLever({
        actor: planner,
        now: PLANNING_NOW,
        kind: 'rule-out',
        orderLineId: normalHoops,
        workshopCode: 'KIB-505',
      }),
    ).rejects.toBeInstanceOf(PlanLeverConflictError);

    await expect(
      removePlanLever({ actor: makeActor('manager'), now: PLANNING_NOW, leverId: String(kept._id) }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await removePlanLever({ actor: makeActor('admin'), now: PLANNING_NOW, leverId: String(kept._id) });
    expect(await PlanLever.countDocuments()).toBe(0);
    expect(await AuditEvent.countDocuments({ action: 'plan_lever.removed' })).toBe(1);
  });
});
