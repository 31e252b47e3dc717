import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { checkCapacity } from '#server/capacity-check/check-capacity';
import { launchCapacityHold } from '#server/capacity-check/launch-capacity-hold';
import { placeCapacityHold } from '#server/capacity-check/place-capacity-hold';
import { readCheckNetwork } from '#server/capacity-check/read-check-network';
import { readHeldMinutes } from '#server/capacity-check/read-held-minutes';
import { CapacityHold } from '#server/models/index';

import { planJobs } from '../../../optimizer';
import { makeActor } from '../../factories/actors';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { CHECK_NOW, type CapacityCheckFixture, seedCapacityCheckFixture } from './capacity-check-fixture';

/**
 * Runs the full optimizer on the network as planning reads it now (holds subtracted), with
 * `extra` cuffs due `dueDate` added as an order, and says whether every unit was placed.
 */
async function fullPlanPlacesEverything({ extra = 0, dueDate = '2026-03-22' } = {}): Promise<boolean> {
  const { problem } = await readCheckNetwork({ now: CHECK_NOW });
  const cuffs = {
    id: 'NEW / JUA-CUFF',
    skill: 'brass-casting',
    minutesPerUnit: 60,
    pieceRateCents: 120_000,
    minLot: 1,
  };
  const plan = await planJobs({
    ...problem,
    jobs: [...problem.jobs, ...(extra > 0 ? [{ ...cuffs, quantity: extra, dueDate }] : [])],
  });
  return plan.metrics.unitsOnTime === plan.metrics.unitsDemanded;
}

const WEEKS = ['2026-W10', '2026-W11', '2026-W12'] as const;

describe('the capacity check against the optimizer', () => {
  let fixture: CapacityCheckFixture;
  const designer = makeActor('designer');

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    fixture = await seedCapacityCheckFixture();
  });

  it('says the most a full plan run places by the date, and one more unit is not placed', async () => {
    const { answer } = await checkCapacity({
      now: CHECK_NOW,
      lines: [{ productId: String(fixture.cuff), quantity: 100 }],
      by: '2026-03-22',
    });
    expect(answer.mostByDate).toBe(110);
    expect(answer.allFit).toBe(true);
    expect(answer.lines[0].byDate).toBe(100);

    // Held, the 110 take their minutes out of planning; a full plan run still places every open
    // order around them, and cannot place one cuff more.
    const hold = await placeCapacityHold({
      actor: designer,
      now: CHECK_NOW,
      holdHours: 72,
      lines: [{ productId: String(fixture.cuff), quantity: 110 }],
      by: '2026-03-22',
    });
    expect(hold.lines.map((line) => line.quantity)).toEqual([110]);
    expect(hold.reservations.reduce((sum, reservation) => sum + reservation.minutes, 0)).toBe(110 * 60);
    expect(await fullPlanPlacesEverything()).toBe(true);
    expect(await fullPlanPlacesEverything({ extra: 1 })).toBe(false);
  });

  it('gives the first day on which all of them fit', async () => {
    const { answer } = await checkCapacity({
      now: CHECK_NOW,
      lines: [{ productId: String(fixture.cuff), quantity: 100 }],
      by: '2026-03-15',
    });
    expect(answer.allFit).toBe(false);
    expect(answer.lines[0].byDate).toBe(46);
    expect(answer.earliestDate).toBe('2026-03-22');
    // A day earlier, no plan places them all: the optimizer cannot beat the capacity.
    expect(await fullPlanPlacesEverything({ extra: 100, dueDate: '2026-03-21' })).toBe(false);
    // By the earliest date they can be held, and a full plan run still places every open order.
    await placeCapacityHold({
      actor: designer,
      now: CHECK_NOW,
      holdHours: 72,
      lines: [{ productId: String(fixture.cuff), quantity: 100 }],
      by: answer.earliestDate as string,
    });
    expect(await fullPlanPlacesEverything()).toBe(true);
  });

  it('names the bottleneck, the levers and the normal order that would move', async () => {
    const question = { now: CHECK_NOW, lines: [{ productId: String(fixture.cuff), quantity: 40 }], by: '2026-03-08' };
    const { answer } = await checkCapacity(question);
    // This week: 1,920 casting minutes, 1,200 of them the normal order's; the rush order waits a week.
    expect(answer.lines[0].byDate).toBe(12);
    expect(answer.bottleneck).toMatchObject({ skill: 'brass-casting', workshops: 2, loadPercent: 100, binding: true });
    expect(answer.bottleneck?.text).toBe('brass casting: 2 workshops, 100% loaded 2–6 Mar');
    const move = answer.levers.find((lever) => lever.kind === 'move-orders');
    expect(move).toMatchObject({ extraUnits: 20 });
    expect(move?.orders).toEqual([
      { reference: fixture.normalOrderReference, sku: 'JUA-01', shipBy: '2026-03-13', lateHours: 20 },
    ]);
    // 4 more hours from each of 3 casters, half of it as half this week is left: 6 hours, 6 cuffs.
    expect(answer.levers.find((lever) => lever.kind === 'extra-hours')).toMatchObject({ extraUnits: 6 });
    expect(answer.levers.find((lever) => lever.kind === 'add-workshops')?.extraUnits).toBeGreaterThan(0);

    const moved = await checkCapacity({ ...question, mode: 'move-lower-priority' });
    expect(moved.answer.lines[0].byDate).toBe(32);
    expect(moved.answer.movedOrders.map((order) => order.reference)).toEqual([fixture.normalOrderReference]);
  });

  it('counts the earnings, the artisans who get work and the share going to women', async () => {
    const { answer } = await checkCapacity({
      now: CHECK_NOW,
      lines: [
        { productId: String(fixture.cuff), quantity: 30 },
        { productId: String(fixture.bangle), quantity: 10 },
      ],
      by: '2026-03-22',
    });
    expect(answer.allFit).toBe(true);
    expect(answer.effect.earningsCents).toBe(30 * 120_000 + 10 * 90_000);
    expect(answer.effect.artisans).toBe(4);
    expect(answer.effect.womenShare).toBeGreaterThan(0.5);
    expect(answer.effect.womenShare).toBeLessThan(1);
    const planned = answer.plan.flatMap((row) => row.units).reduce((sum, entry) => sum + entry.units, 0);
    expect(planned).toBe(40);
  });

  it('launches a hold as an order and stops holding; a lapsed hold holds nothing', async () => {
    const question = { lines: [{ productId: String(fixture.cuff), quantity: 60 }], by: '2026-03-22' };
    const hold = await placeCapacityHold({ actor: designer, now: CHECK_NOW, holdHours: 72, ...question });
    expect((await readHeldMinutes({ now: CHECK_NOW, weeks: WEEKS })).size).toBeGreaterThan(0);
    // Three days on, it has lapsed: planning no longer sees it.
    expect((await readHeldMinutes({ now: new Date(CHECK_NOW.getTime() + 73 * 3_600_000), weeks: WEEKS })).size).toBe(0);

    const { order } = await launchCapacityHold({ actor: designer, now: CHECK_NOW, holdId: String(hold._id) });
    expect(order).toMatchObject({ priority: 'high', lines: [{ quantity: 60 }] });
    expect(await CapacityHold.findById(hold._id).lean()).toMatchObject({ status: 'launched', order: order._id });
    expect((await readHeldMinutes({ now: CHECK_NOW, weeks: WEEKS })).size).toBe(0);
    // The order now takes what the hold kept: 50 more cuffs fit, as before the hold.
    const { answer } = await checkCapacity({ now: CHECK_NOW, ...question });
    expect(answer.mostByDate).toBe(50);
    await expect(launchCapacityHold({ actor: designer, now: CHECK_NOW, holdId: String(hold._id) })).rejects.toThrow(
      /is launched/,
    );
  });

  it('refuses a date in the past or beyond the horizon, and an unknown product, naming the field', async () => {
    const lines = [{ productId: String(fixture.cuff), quantity: 10 }];
    await expect(checkCapacity({ now: CHECK_NOW, lines, by: '2026-03-01' })).rejects.toThrow(/^by: is in the past/);
    await expect(checkCapacity({ now: CHECK_NOW, lines, by: '2027-03-01' })).rejects.toThrow(/^by: is beyond/);
    await expect(
      checkCapacity({
        now: CHECK_NOW,
        lines: [{ productId: '0123456789abcdef01234567', quantity: 1 }],
        by: '2026-03-22',
      }),
    ).rejects.toThrow(/^lines\.0\.productId/);
  });
});
