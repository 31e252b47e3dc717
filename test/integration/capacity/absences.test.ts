import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { cancelAbsence, declareAbsence, readCapacity, readWorkshopFreeMinutes } from '#server/capacity/index';
import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '#server/domain/errors';
import { type DomainEventPayload } from '#server/domain/events';
import { domainEvents } from '#server/domain-events';
import { Absence, Artisan, AuditEvent } from '#server/models/index';

import { makeActor } from '../../factories/actors';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { PLANNING_NOW, seedPlanningFixture, type PlanningFixture } from '../planning/planning-fixture';

/**
 * As of Wednesday 4 March 2026, 12:30 in Nairobi (half of week 2026-W10's working time left), on
 * the planning fixture: the horn workshop's one carver offers 20 h a week, the brass workshop's
 * Wanjiku 25 h split between casting and forming.
 */
const now = PLANNING_NOW;
const weeks = ['2026-W10', '2026-W11'] as const;

describe('days away', () => {
  let fixture: PlanningFixture;
  let carverId: string;
  let wanjikuId: string;
  let changes: DomainEventPayload<'capacity:changed'>[];
  let stop: () => void;

  const hornMinutes = async () =>
    (await readWorkshopFreeMinutes({ now, weeks: [...weeks] })).workshops.find(
      (workshop) => workshop.code === 'MAT-202',
    )?.availableMinutes;
  const carver = () => makeActor('artisan', { artisanId: carverId, workshopId: String(fixture.horn) });

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    clearReadModelCaches();
    fixture = await seedPlanningFixture({ now });
    const [carverDoc, wanjiku] = await Promise.all([
      Artisan.findOne({ workshop: fixture.horn }).lean(),
      Artisan.findOne({ workshop: fixture.brass, weeklyHours: 25 }).lean(),
    ]);
    carverId = String(carverDoc?._id);
    wanjikuId = String(wanjiku?._id);
    changes = [];
    stop = domainEvents.subscribe('capacity:changed', (event) => changes.push(event));
  });
  afterEach(() => stop());

  it('takes the working days still ahead out of the artisan’s capacity, everywhere at once', async () => {
    // Warm the kept figures, so the declaration has to drop them.
    const before = await readCapacity({ now, weeks: [...weeks] });
    expect(before.cells.find((cell) => cell.skill === 'horn-carving' && cell.week === '2026-W10')).toMatchObject({
      capacityMinutes: 600,
    });

    // Away Thursday to next Monday: Thursday and Friday of this week, Monday of the next.
    const absence = await declareAbsence({
      actor: carver(),
      artisanId: carverId,
      from: '2026-03-05',
      to: '2026-03-09',
      reason: 'funeral upcountry',
      now,
    });
    expect(absence).toMatchObject({ from: '2026-03-05', to: '2026-03-09', reason: 'funeral upcountry' });
    expect(String(absence.workshop)).toBe(String(fixture.horn));
    expect(absence.createdBy).toMatchObject({ role: 'artisan' });
    expect(changes).toEqual([{ workshopIds: [String(fixture.horn)], weeks: ['2026-W10', '2026-W11'] }]);
    expect(await AuditEvent.countDocuments({ action: 'absence.declared', 'entity.id': absence._id })).toBe(1);

    // This week only Wednesday 12:30–17:00 is left for him: 20 h × 270 / 2,700 = 120 min.
    // Next week loses its Monday: 20 h × 4/5 = 960 min.
    expect(await hornMinutes()).toEqual([120, 960]);
    const after = await readCapacity({ now, weeks: [...weeks] });
    expect(
      after.cells.filter((cell) => cell.skill === 'horn-carving').map((cell) => [cell.week, cell.capacityMinutes]),
    ).toEqual([
      ['2026-W10', 120],
      ['2026-W11', 960],
    ]);
  });

  it('keeps splitting a multi-skill artisan’s remaining week between her skills', async () => {
    await declareAbsence({
      actor: makeActor('field_officer'),
      artisanId: wanjikuId,
      from: '2026-03-06',
      to: '2026-03-06',
      now,
    });
    const { cells } = await readCapacity({ now, weeks: ['2026-W10'], fresh: true });
    // Wanjiku: 25 h × (1,350 − 540) / 2,700 = 450 min, 225 per skill; Achieng casts 20 h × 1/2 = 600.
    expect(
      cells
        .filter((cell) => cell.workshopId === String(fixture.brass))
        .map((cell) => [cell.skill, cell.capacityMinutes]),
    ).toEqual([
      ['brass-casting', 225 + 600],
      ['brass-forming', 225],
    ]);
  });

  it('gives the days back when cancelled: all of them before it starts, the rest once under way', async () => {
    const coming = await declareAbsence({
      actor: carver(),
      artisanId: carverId,
      from: '2026-03-09',
      to: '2026-03-10',
      now,
    });
    changes = [];
    expect(await cancelAbsence({ actor: carver(), absenceId: String(coming._id), now })).toMatchObject({
      removed: true,
      to: null,
    });
    expect(await Absence.countDocuments()).toBe(0);
    expect(changes).toEqual([{ workshopIds: [String(fixture.horn)], weeks: ['2026-W11'] }]);
    expect(await hornMinutes()).toEqual([600, 1_200]);

    // Away since Monday; back early on Wednesday: the absence now ends Tuesday, and the days away
    // from today on are given back.
    const underWay = await declareAbsence({
      actor: makeActor('planner'),
      artisanId: carverId,
      from: '2026-03-02',
      to: '2026-03-06',
      now: new Date('2026-03-02T05:00:00Z'),
    });
    expect(await hornMinutes()).toEqual([0, 1_200]);
    expect(await cancelAbsence({ actor: carver(), absenceId: String(underWay._id), now })).toMatchObject({
      removed: false,
      to: '2026-03-03',
    });
    expect(await Absence.findById(underWay._id).lean()).toMatchObject({ from: '2026-03-02', to: '2026-03-03' });
    expect(await hornMinutes()).toEqual([600, 1_200]);

    // An absence that is over is history.
    await expect(cancelAbsence({ actor: carver(), absenceId: String(underWay._id), now })).rejects.toBeInstanceOf(
      DomainError,
    );
    await expect(cancelAbsence({ actor: carver(), absenceId: String(fixture.horn), now })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('names the field of a bad declaration and refuses those who may not make it', async () => {
    const declare = (fields: Record<string, unknown>, actor = carver()) =>
      declareAbsence({ actor, artisanId: carverId, from: '2026-03-09', to: '2026-03-10', now, ...fields });
    const fieldOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'accepted',
        (error: unknown) => (error instanceof ValidationError ? error.field : String(error)),
      );

    expect(await fieldOf(declare({ to: '2026-03-08' }))).toBe('to');
    expect(await fieldOf(declare({ from: '2026-02-30' }))).toBe('from');
    expect(await fieldOf(declare({ from: '9 March' }))).toBe('from');
    expect(await fieldOf(declare({ from: '2026-03-01', to: '2026-03-03' }))).toBe('to');
    expect(await fieldOf(declare({ to: '2026-09-30' }))).toBe('to');
    expect(await fieldOf(declare({ artisanId: 'someone' }))).toBe('artisanId');
    expect(await fieldOf(declare({ now: undefined }))).toBe('now');
    expect(await fieldOf(declare({ reason: 'x'.repeat(201) }))).toBe('reason');

    await declare({});
    expect(await fieldOf(declare({ from: '2026-03-10', to: '2026-03-12' }))).toBe('from');
    await expect(declare({}, makeActor('artisan', { artisanId: wanjikuId }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(declare({}, makeActor('designer'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(declare({ artisanId: String(fixture.horn) }, makeActor('planner'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const left = await Artisan.findOne({ status: 'left' }).lean();
    expect(await fieldOf(declare({ artisanId: String(left?._id) }, makeActor('planner')))).toBe('artisanId');
    expect(await Absence.countDocuments()).toBe(1);
  });
});
