import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { readCapacity } from '#server/capacity/index';
import { buildPlanningProblem } from '#server/planning/build-planning-problem';
import { planningHorizon } from '#server/planning/planning-horizon';

import { validateProblem } from '../../../optimizer';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { PLANNING_NOW, seedPlanningFixture, type PlanningFixture } from './planning-fixture';

describe('building the optimizer problem from the database', () => {
  let fixture: PlanningFixture;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    fixture = await seedPlanningFixture({ now: PLANNING_NOW });
  });

  it('gives each active workshop its free minutes per week once, however many skills its artisans have', async () => {
    const horizon = planningHorizon({ now: PLANNING_NOW, weeks: 3 });
    expect(horizon.labels).toEqual(fixture.weeks);
    const { problem, workshops } = await buildPlanningProblem({ horizon });

    expect(problem.horizon).toEqual({ start: horizon.startDate, weeks: 3 });
    // A Monday, as a plain calendar date.
    expect(new Date(`${horizon.startDate}T12:00:00Z`).getUTCDay()).toBe(1);
    // Closed workshops and workshops without an active artisan cannot take work.
    expect(problem.workshops.map((workshop) => workshop.id).sort()).toEqual(['KIB-101', 'MAT-202']);

    // As of Wednesday 12:30 half of this week's working time is left; the next weeks are whole.
    const shares = [0.5, 1, 1];
    const brass = problem.workshops.find((workshop) => workshop.id === 'KIB-101');
    const brassAvailable = shares.map((share) => Math.round(25 * 60 * share) + Math.round(20 * 60 * share));
    // 40 units × 60 minutes offered and 8 × 60 in progress in week 0; the declined job holds nothing.
    const committed = [2_400 + 480, 0, 0];
    expect(brass).toEqual({
      id: 'KIB-101',
      skills: ['brass-casting', 'brass-forming'],
      artisans: 2,
      capacityMinutes: brassAvailable.map((minutes, index) => Math.max(0, minutes - committed[index])),
    });
    // Nobody in the horn workshop turns wood, so it is not offered wood-turning work.
    const horn = problem.workshops.find((workshop) => workshop.id === 'MAT-202');
    expect(horn).toEqual({
      id: 'MAT-202',
      skills: ['horn-carving'],
      artisans: 1,
      capacityMinutes: shares.map((share) => Math.round(20 * 60 * share)),
    });
    expect(workshops.get('KIB-101')?.workshopId.equals(fixture.brass)).toBe(true);

    // Adding up the capacity service's per-skill cells would promise more: committed casting
    // work exceeds the casting cell, yet the forming cell still shows minutes free.
    const { cells } = await readCapacity({ now: PLANNING_NOW, weeks: [fixture.weeks[0]], fresh: true });
    const cellSum = cells
      .filter((cell) => cell.workshopId === String(fixture.brass))
      .reduce((sum, cell) => sum + cell.freeMinutes, 0);
    expect(cellSum).toBeGreaterThan(brass?.capacityMinutes[0] ?? 0);
  });

  it('turns uncovered order lines into jobs with the product’s minutes, rate and lot, and the order’s due date and priority', async () => {
    const horizon = planningHorizon({ now: PLANNING_NOW, weeks: 3 });
    const { problem, jobs, demandUnits, orderIds } = await buildPlanningProblem({ horizon });
    const byId = Object.fromEntries(problem.jobs.map((job) => [job.id, job]));
    const references = [...jobs.values()].map((job) => job.reference);
    expect(Object.keys(byId)).toHaveLength(3);

    const [hoopsId, banglesId] = [...jobs.entries()]
      .filter(([, ref]) => ref.orderId.equals(fixture.normalOrder))
      .map(([id]) => id);
    const [rushId] = [...jobs.entries()].filter(([, ref]) => ref.orderId.equals(fixture.rushOrder)).map(([id]) => id);
    const nairobiDay = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Nairobi' }).format(date);

    expect(byId[hoopsId]).toMatchObject({
      skill: 'brass-casting',
      quantity: 30,
      minutesPerUnit: 60,
      pieceRateCents: 100_000,
      minLot: 6,
      priority: 1,
      dueDate: nairobiDay(fixture.shipBy(2)),
    });
    expect(byId[banglesId]).toMatchObject({
      skill: 'horn-carving',
      quantity: 12,
      minutesPerUnit: 50,
      pieceRateCents: 90_000,
      minLot: 4,
      priority: 1,
    });
    // 20 ordered, 8 already in progress; rush maps to the top priority.
    expect(byId[rushId]).toMatchObject({ quantity: 12, priority: 3, dueDate: nairobiDay(fixture.shipBy(1)) });
    expect(hoopsId).toMatch(/ \/ JUA-01$/);
    expect(demandUnits).toBe(30 + 12 + 12);
    expect(orderIds.map(String).sort()).toEqual([String(fixture.normalOrder), String(fixture.rushOrder)].sort());
    expect(references).not.toContain(undefined);
    // The optimizer accepts it as it is.
    expect(() => validateProblem(problem)).not.toThrow();
  });
});
