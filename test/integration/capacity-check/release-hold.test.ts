import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { checkCapacity } from '#server/capacity-check/check-capacity';
import { placeCapacityHold } from '#server/capacity-check/place-capacity-hold';
import { readHeldMinutes } from '#server/capacity-check/read-held-minutes';
import { releaseCapacityHold } from '#server/capacity-check/release-capacity-hold';
import { summariseActiveHolds } from '#server/capacity-check/summarise-holds';
import { type CapacityChanged } from '#server/domain/events';
import { domainEvents } from '#server/domain-events';
import { AuditEvent, CapacityHold } from '#server/models/index';

import { makeActor } from '../../factories/actors';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { CHECK_NOW, type CapacityCheckFixture, seedCapacityCheckFixture } from './capacity-check-fixture';

const WEEKS = ['2026-W10', '2026-W11', '2026-W12'] as const;

describe('releasing a capacity hold before it lapses', () => {
  let fixture: CapacityCheckFixture;
  const designer = makeActor('designer');
  const question = () => ({ lines: [{ productId: String(fixture.cuff), quantity: 60 }], by: '2026-03-22' });
  const hold = () => placeCapacityHold({ actor: designer, now: CHECK_NOW, holdHours: 72, ...question() });

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    fixture = await seedCapacityCheckFixture();
  });

  it('gives the capacity back at once, audited, and tells planning', async () => {
    const held = await hold();
    expect((await checkCapacity({ now: CHECK_NOW, ...question() })).answer.mostByDate).toBe(50);
    const changes: CapacityChanged[] = [];
    const unsubscribe = domainEvents.subscribe('capacity:changed', (change) => changes.push(change));
    try {
      const planner = makeActor('planner');
      const released = await releaseCapacityHold({ actor: planner, now: CHECK_NOW, holdId: String(held._id) });
      expect(released.status).toBe('released');
      // The workshops and weeks the hold kept, as when it was placed.
      expect(changes).toEqual([
        {
          workshopIds: [...new Set(held.reservations.map((reservation) => String(reservation.workshop)))],
          weeks: [...new Set(held.reservations.map((reservation) => reservation.week))].sort(),
        },
      ]);
      const audit = await AuditEvent.findOne({ action: 'capacity_hold.released', 'entity.id': held._id }).lean();
      expect(audit).toMatchObject({ actor: { role: 'planner' } });
    } finally {
      unsubscribe();
    }
    expect((await readHeldMinutes({ now: CHECK_NOW, weeks: WEEKS })).size).toBe(0);
    expect(await summariseActiveHolds({ now: CHECK_NOW })).toEqual([]);
    // The kept network heard the change: all 110 cuffs fit again.
    expect((await checkCapacity({ now: CHECK_NOW, ...question() })).answer.mostByDate).toBe(110);
    await expect(
      releaseCapacityHold({ actor: designer, now: CHECK_NOW, holdId: String(held._id) }),
    ).rejects.toMatchObject({ name: 'HoldNotActiveError', status: 409, message: expect.stringMatching(/is released/) });
  });

  it('lets the designer who placed it, a planner or an admin release it, and no one else', async () => {
    const held = await hold();
    const holdId = String(held._id);
    const mine = await summariseActiveHolds({ now: CHECK_NOW, actor: designer });
    const theirs = await summariseActiveHolds({ now: CHECK_NOW, actor: makeActor('designer') });
    expect([mine[0].mayRelease, theirs[0].mayRelease]).toEqual([true, false]);
    await expect(releaseCapacityHold({ actor: makeActor('designer'), now: CHECK_NOW, holdId })).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/held by test designer/),
    });
    await expect(releaseCapacityHold({ actor: makeActor('manager'), now: CHECK_NOW, holdId })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      releaseCapacityHold({ actor: designer, now: new Date(CHECK_NOW.getTime() + 73 * 3_600_000), holdId }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/is expired/) });
    await expect(releaseCapacityHold({ actor: designer, now: CHECK_NOW, holdId: 'nope' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^holdId/),
    });
    expect((await releaseCapacityHold({ actor: designer, now: CHECK_NOW, holdId })).status).toBe('released');
    expect(
      (await releaseCapacityHold({ actor: makeActor('admin'), now: CHECK_NOW, holdId: String((await hold())._id) }))
        .status,
    ).toBe('released');
    expect(await CapacityHold.countDocuments({ status: 'released' })).toBe(2);
  });
});
