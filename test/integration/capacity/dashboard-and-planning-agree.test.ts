import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { declareGazettedHolidays, readWorkshopFreeMinutes, withdrawGazettedHoliday } from '#server/capacity/index';
import { listWorkshops, WorkshopListQuery } from '#server/dashboard/list-workshops';
import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { readOverview } from '#server/dashboard/read-overview';
import { readWorkshopDetail } from '#server/dashboard/read-workshop-detail';
import { buildPlanningProblem } from '#server/planning/build-planning-problem';
import { planningHorizon } from '#server/planning/planning-horizon';

import { makeActor } from '../../factories/actors';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { PLANNING_NOW, seedPlanningFixture, type PlanningFixture } from '../planning/planning-fixture';

const now = PLANNING_NOW;
const admin = makeActor('admin');
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * What the planner sees on the dashboards and what planning plans with, side by side, on the
 * planning fixture as of Wednesday 4 March 2026, 12:30 in Nairobi, with gazetted holidays.
 */
async function readBothSides({ fixture }: { fixture: PlanningFixture }) {
  const horizon = planningHorizon({ now });
  const [planning, built, overview, workshops, brassDetail] = await Promise.all([
    readWorkshopFreeMinutes({ now, weeks: horizon.labels }),
    buildPlanningProblem({ horizon }),
    readOverview({ now, query: { weeks: 3 } }),
    listWorkshops({ query: WorkshopListQuery.parse({}), now }),
    readWorkshopDetail({ workshopId: String(fixture.brass), now }),
  ]);
  return { horizon, planning: planning.workshops, built, overview, workshops, brassDetail };
}

describe('the dashboards and the planner read one capacity', () => {
  let fixture: PlanningFixture;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    clearReadModelCaches();
    fixture = await seedPlanningFixture({ now });
  });

  it('agree week by week, workshop by workshop, before and after a holiday is gazetted', async () => {
    // Read once before the holidays, so every kept figure has to be dropped by the declaration.
    const plain = await readBothSides({ fixture });
    const horn = (side: typeof plain) => side.planning.find((workshop) => workshop.code === 'MAT-202');
    expect(horn(plain)?.availableMinutes).toEqual([600, 1_200, 1_200]);

    // Idd-ul-Fitr as if gazetted for Thursday 5 March (this week) and a second day on Wednesday
    // 11 March (next week).
    await declareGazettedHolidays({
      actor: admin,
      holidays: [
        { date: '2026-03-05', name: 'Idd-ul-Fitr' },
        { date: '2026-03-11', name: 'Idd-ul-Fitr (second day)' },
      ],
    });
    const sides = await readBothSides({ fixture });
    const { horizon, planning, built, overview, workshops, brassDetail } = sides;

    // The horn carver's 20 h (1,200 min): this week Wednesday 12:30–17:00 and Friday are left,
    // 810 of 2,700 minutes, so 360; next week four days of five, 960.
    expect(horn(sides)?.availableMinutes).toEqual([360, 960, 1_200]);

    horizon.labels.forEach((week, index) => {
      const chart = overview.demand.cells.filter((cell) => cell.week === week);
      // The overview's demand-vs-capacity chart: the network's capacity and planned work that week.
      expect(sum(chart.map((cell) => cell.capacityMinutes)), week).toBe(
        sum(planning.map((workshop) => workshop.availableMinutes[index])),
      );
      expect(sum(chart.map((cell) => cell.plannedMinutes)), week).toBe(
        sum(planning.map((workshop) => workshop.committedMinutes[index])),
      );
      for (const workshop of planning) {
        // The workshops table, and the free minutes the optimizer is given.
        const row = workshops.rows.find((candidate) => candidate.code === workshop.code);
        expect(row?.weeks[index], `${workshop.code} ${week}`).toEqual({
          week,
          capacityMinutes: workshop.availableMinutes[index],
          committedMinutes: workshop.committedMinutes[index],
        });
        const given = built.problem.workshops.find((candidate) => candidate.id === workshop.code);
        expect(given?.capacityMinutes[index]).toBe(workshop.freeMinutes[index]);
      }
      // The workshop page's load by skill adds up to the same pool.
      const brass = planning.find((workshop) => workshop.code === 'KIB-101');
      const loads = brassDetail.loads.filter((load) => load.week === week);
      expect(sum(loads.map((load) => load.capacityMinutes)), week).toBe(brass?.availableMinutes[index]);
      expect(sum(loads.map((load) => load.committedMinutes)), week).toBe(brass?.committedMinutes[index]);
    });

    // Withdrawn, the days are worked again on every side.
    await withdrawGazettedHoliday({ actor: admin, date: '2026-03-11' });
    const withdrawn = await readBothSides({ fixture });
    expect(horn(withdrawn)?.availableMinutes).toEqual([360, 1_200, 1_200]);
    expect(withdrawn.workshops.rows.find((row) => row.code === 'MAT-202')?.weeks[1].capacityMinutes).toBe(1_200);
  });

  it('lets only admins and planners declare holidays', async () => {
    await expect(
      declareGazettedHolidays({ actor: makeActor('manager'), holidays: [{ date: '2026-03-05', name: 'Idd-ul-Fitr' }] }),
    ).rejects.toThrow(/cannot declare public holidays/);
    await expect(withdrawGazettedHoliday({ actor: admin, date: '2026-03-05' })).rejects.toThrow(/not found/);
  });
});
