import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { declareAbsence } from '#server/capacity/declare-absence';
import { checkCapacity } from '#server/capacity-check/check-capacity';
import { nairobiDate } from '#server/domain/weeks';
import { Artisan, CapacityHold, Workshop } from '#server/models/index';
import { actorStamp } from '#server/services/audit/record-audit-event';
import { createOrder } from '#server/services/orders/create-order';

import { makeActor } from '../../factories/actors';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { CHECK_NOW, type CapacityCheckFixture, seedCapacityCheckFixture } from './capacity-check-fixture';

/**
 * The check keeps what it reads of the network between questions; the domain events that change
 * it drop it. Writing to the database behind the services' back (no event) shows which is which.
 */
describe('the network the capacity check keeps between questions', () => {
  let fixture: CapacityCheckFixture;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    fixture = await seedCapacityCheckFixture();
  });

  it('is reused until an order is created or capacity changes, and the answer then follows the change', async () => {
    const question = { now: CHECK_NOW, lines: [{ productId: String(fixture.cuff), quantity: 100 }], by: '2026-03-22' };
    expect((await checkCapacity(question)).answer.mostByDate).toBe(110);

    // A hold of 10 cuffs' minutes written without its event: the kept network does not see it,
    // a fresh read does.
    const casting = await Workshop.findOne({ code: 'KIB-501' }).lean();
    await CapacityHold.create({
      reference: 'HOLD-BEHIND',
      lines: [{ product: fixture.cuff, sku: 'JUA-CUFF', name: 'Jua cuff', quantity: 10 }],
      shipBy: '2026-03-22',
      reservations: [
        { workshop: casting!._id, workshopCode: 'KIB-501', week: '2026-W12', skill: 'brass-casting', minutes: 600 },
      ],
      status: 'held',
      expiresAt: new Date(CHECK_NOW.getTime() + 72 * 3_600_000),
      heldBy: actorStamp(makeActor('designer')),
    });
    expect((await checkCapacity(question)).answer.mostByDate).toBe(110);
    expect((await checkCapacity({ ...question, fresh: true })).answer.mostByDate).toBe(100);

    // A new order of 10 cuffs announces itself: the network is read again, hold and order both.
    await createOrder({
      actor: makeActor('planner'),
      source: 'web',
      customer: { name: 'Wanjiru Kamau', country: 'KE' },
      lines: [{ productId: String(fixture.cuff), quantity: 10 }],
      shipBy: nairobiDate({ year: 2026, month: 3, day: 20 }),
      placedAt: CHECK_NOW,
    });
    expect((await checkCapacity(question)).answer.mostByDate).toBe(90);

    // The 24-hour caster away on Monday 16 March: 288 of week 12's minutes go, and 4 more cuffs.
    const caster = await Artisan.findOne({ weeklyHours: 24 }).lean();
    await declareAbsence({
      actor: makeActor('admin'),
      artisanId: String(caster!._id),
      from: '2026-03-16',
      to: '2026-03-16',
      now: CHECK_NOW,
    });
    const after = await checkCapacity(question);
    expect(after.answer.mostByDate).toBe(85);
    expect(after.network.workshops.get('KIB-502')?.availableMinutes[2]).toBe(1_440 - 288);
  });

  it('answers as of each instant from the same kept network: working time left shrinks as the day goes on', async () => {
    const question = { lines: [{ productId: String(fixture.cuff), quantity: 40 }], by: '2026-03-08' };
    const noon = await checkCapacity({ ...question, now: CHECK_NOW });
    const later = await checkCapacity({ ...question, now: new Date(CHECK_NOW.getTime() + 2 * 3_600_000) });
    // Two of the week's 45 working hours later, the four artisans' 84 declared hours give 224 minutes less.
    const thisWeek = (check: typeof noon) =>
      [...check.network.workshops.values()].reduce((sum, workshop) => sum + workshop.availableMinutes[0], 0);
    // (capacity counts each artisan's minutes whole, so within a minute or two).
    expect(Math.abs(thisWeek(noon) - thisWeek(later) - (84 * 60 * 120) / 2_700)).toBeLessThanOrEqual(2);
    // Casting: 1,920 minutes less the normal order's 1,200 at noon; 171 fewer two hours on.
    expect(noon.answer.lines[0].byDate).toBe(12);
    expect(later.answer.lines[0].byDate).toBe(9);
  });
});
