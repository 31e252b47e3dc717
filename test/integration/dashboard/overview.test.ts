import { describe, expect, it } from 'vitest';

import { computeOverview, readOverview } from '#server/dashboard/read-overview';
import { holidaysInWeek } from '#server/domain/working-time';
import { domainEvents } from '#server/domain-events';
import { Job } from '#server/models/index';

import { HAND_NOW, seedHandNetworkForEachTest } from './hand-network';

describe('overview figures on a network worked out by hand', () => {
  const network = seedHandNetworkForEachTest();

  it('has no public holiday in the weeks used, so capacity is whole weeks', () => {
    for (const week of ['2026-W10', '2026-W11', '2026-W12', '2026-W13'] as const)
      expect(holidaysInWeek({ week })).toEqual([]);
  });

  it('computes each KPI as defined', async () => {
    const { kpis } = await computeOverview({ now: HAND_NOW, query: { weeks: 3 } });
    expect(kpis.week).toBe('2026-W10');
    // Open: O1 O2 O3 O6 O7 O8 O9 (O4 shipped, O5 cancelled); not planned yet: O1 O6 O9.
    expect(kpis.openOrders).toEqual({ count: 7, unplanned: 3 });
    // Ship-by before the end of W12: O1 30 + O2 8 + O3 12 + O7 15 + O8 4 + O9 3 = 72 (O6 ships in W13).
    // Overdue (ship-by before now): O3 12 + O9 3 = 15.
    expect(kpis.unitsDue).toEqual({ units: 72, overdueUnits: 15, throughWeek: '2026-W12' });
    // Capacity W10 as of its start (utilisation compares the whole week's work with the whole week):
    // A1 20 h + A2 10 h + B1 25 h + B2 15 h = 70 h = 4,200 min (A3 paused, C1's workshop closed).
    // Planned in W10: J1 8×60 + J2 6×30 + J6 15×20 + J7 4×60 = 480 + 180 + 300 + 240 = 1,200 min (J4 declined).
    expect(kpis.utilisation.capacityMinutes).toBe(4_200);
    expect(kpis.utilisation.committedMinutes).toBe(1_200);
    expect(kpis.utilisation.fraction).toBeCloseTo(1_200 / 4_200, 10);
    // Ship-by before now + 7 days (11 March 09:30 UTC): O1, O3, O7, O9.
    // Not covered: O1 10 + 20, O9 3 = 33. In jobs not at QC yet: O3's J2 in progress 6 (J3 paid; O7's J6 is at QC).
    expect(kpis.atRisk).toEqual({ units: 39, uncoveredUnits: 33, unfinishedUnits: 6, horizonDays: 7 });
    // Named on W10 jobs: A2 (J1, J7), A1 (J2), B1 (J6); B2 has none.
    expect(kpis.idleArtisans).toEqual({ count: 1, activeArtisans: 4 });
  });

  it('puts demand against capacity per week and skill, overdue demand in the current week', async () => {
    const { demand } = await computeOverview({ now: HAND_NOW, query: { weeks: 4 } });
    expect(demand.weeks).toEqual(['2026-W10', '2026-W11', '2026-W12', '2026-W13']);
    const cell = (week: string, skill: string) => {
      const found = demand.cells.find((entry) => entry.week === week && entry.skill === skill);
      return found && [found.capacityMinutes, found.plannedMinutes, found.unplannedMinutes];
    };
    // A whole week of brass casting: A1 1,200 + half of A2's 600 = 1,500; W10 has half of its
    // working time left, so 750. W10: J2 180 planned; O1 10×30 = 300 not planned.
    expect(cell('2026-W10', 'brass-casting')).toEqual([750, 180, 300]);
    expect(cell('2026-W11', 'brass-casting')).toEqual([1_500, 0, 0]);
    // Horn carving: the other half of A2 = 300 a week, 150 left in W10. W10: J1 480 + J7 240
    // planned; O9 (overdue) 3×60 = 180 not planned.
    expect(cell('2026-W10', 'horn-carving')).toEqual([150, 720, 180]);
    // Beading: B1 1,500 + B2 900 = 2,400 a week, 1,200 left in W10. W10: J6 300 planned, O1 20×20
    // = 400 not planned. W11: J5 10×20 = 200.
    expect(cell('2026-W10', 'beading-wire-work')).toEqual([1_200, 300, 400]);
    expect(cell('2026-W11', 'beading-wire-work')).toEqual([2_400, 200, 0]);
    // O6: 30 ordered, J5 holds 10, so 20×20 = 400 not planned in its ship-by week W13.
    expect(cell('2026-W13', 'beading-wire-work')).toEqual([2_400, 0, 400]);
    expect(cell('2026-W12', 'wood-turning')).toEqual([0, 0, 0]);
  });

  it('narrows the chart to one skill and starts it where asked', async () => {
    const { demand } = await computeOverview({
      now: HAND_NOW,
      query: { weeks: 2, from: '2026-W12', skill: 'beading-wire-work' },
    });
    expect(demand.skills).toEqual(['beading-wire-work']);
    expect(demand.weeks).toEqual(['2026-W12', '2026-W13']);
    expect(demand.cells.map((entry) => [entry.week, entry.plannedMinutes, entry.unplannedMinutes])).toEqual([
      ['2026-W12', 0, 0],
      ['2026-W13', 0, 400],
    ]);
  });

  it('keeps a computed overview until a domain event says the data moved', async () => {
    const query = { weeks: 3 };
    const first = await readOverview({ now: HAND_NOW, query });
    expect(first.kpis.idleArtisans.count).toBe(1);
    // B2 takes J5 and it moves to this week, written straight to the database: no event yet.
    await Job.updateOne(
      { _id: network().jobs.j5._id },
      { $set: { plannedWeek: '2026-W10', status: 'accepted', artisan: network().artisans.b2._id } },
    );
    expect((await readOverview({ now: HAND_NOW, query })).kpis.idleArtisans.count).toBe(1);
    domainEvents.publish('job:status', {
      jobId: String(network().jobs.j5._id),
      orderId: String(network().orders.o6._id),
      workshopId: String(network().workshops.wb._id),
      artisanId: String(network().artisans.b2._id),
      from: 'offered',
      to: 'accepted',
      week: '2026-W10',
    });
    const after = await readOverview({ now: HAND_NOW, query });
    expect(after.kpis.idleArtisans.count).toBe(0);
    expect(after.kpis.utilisation.committedMinutes).toBe(1_200 + 200);
  });

  it('shares one computation between requests that arrive together', async () => {
    const query = { weeks: 3 };
    const [a, b] = await Promise.all([readOverview({ now: HAND_NOW, query }), readOverview({ now: HAND_NOW, query })]);
    expect(a).toBe(b);
  });
});
