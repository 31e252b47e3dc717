import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { readWorkshopFreeMinutes } from '#server/capacity/index';
import { workingMinutesLeft, workingTimeEnd } from '#server/domain/working-time';
import { Job, Order, Plan } from '#server/models/index';
import { commitPlan } from '#server/planning/commit-plan';
import { StalePlanError } from '#server/planning/planning-errors';
import { planningHorizon } from '#server/planning/planning-horizon';
import { startPlanRun } from '#server/planning/start-plan-run';

import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { PLANNING_NOW, seedPlanningFixture } from './planning-fixture';

/** An instant given as Nairobi wall-clock time (UTC+3 all year). */
const nairobi = (local: string) => new Date(`${local}+03:00`);

/**
 * The whole pipeline (build the problem, solve, save the proposal, commit it) run on each day of
 * week 2026-W10 (Monday 2 – Sunday 8 March 2026, no public holiday), with the minutes of working
 * time (Monday to Friday, 08:00–17:00) left in the week by hand.
 */
const CLOCKS = [
  ['Monday 07:30, before work starts', '2026-03-02T07:30', 2_700],
  ['Tuesday 10:00', '2026-03-03T10:00', 420 + 3 * 540],
  ['Wednesday 12:30', '2026-03-04T12:30', 1_350],
  ['Thursday 16:00', '2026-03-05T16:00', 60 + 540],
  ['Friday 09:00', '2026-03-06T09:00', 480],
  ['Friday 16:45, late on Friday', '2026-03-06T16:45', 15],
  ['Friday 17:30, after the week’s work', '2026-03-06T17:30', 0],
  ['Saturday 10:00', '2026-03-07T10:00', 0],
  ['Sunday 20:00', '2026-03-08T20:00', 0],
] as const;

describe('planning as of now', () => {
  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(clearDomainDatabase);

  it.each(CLOCKS)('on %s, offers only work that fits the time left before it is due', async (_, local, minutesLeft) => {
    const now = nairobi(local);
    const fixture = await seedPlanningFixture({ now });
    const [week0] = fixture.weeks;
    expect(week0).toBe('2026-W10');
    expect(workingMinutesLeft({ week: week0, now })).toBe(minutesLeft);

    // This week's capacity is what is left of it: the horn carver's 20 h spread over the week's
    // working time, in proportion to what remains; a week with nothing left offers nothing.
    const { weeks, workshops } = await readWorkshopFreeMinutes({ now, weeks: planningHorizon({ now }).labels });
    expect(weeks[0].minutesLeft).toBe(minutesLeft);
    const horn = workshops.find((workshop) => workshop.code === 'MAT-202');
    expect(horn?.availableMinutes).toEqual([Math.round((20 * 60 * minutesLeft) / 2_700), 1_200, 1_200]);
    const brass = workshops.find((workshop) => workshop.code === 'KIB-101');
    expect(brass?.availableMinutes[0]).toBe(
      Math.round((25 * 60 * minutesLeft) / 2_700) + Math.round((20 * 60 * minutesLeft) / 2_700),
    );

    const outcome = await startPlanRun({ actor: fixture.planner, trigger: 'planner', now }).outcome;
    const plan = await Plan.findById(outcome.planId).lean();
    const assignments = plan?.assignments ?? [];
    // The normal order can always go into next week, so every proposal has something to commit.
    expect(assignments.length).toBeGreaterThan(0);
    for (const assignment of assignments) expect(workingMinutesLeft({ week: assignment.week, now })).toBeGreaterThan(0);
    if (minutesLeft === 0) expect(assignments.filter((assignment) => assignment.week === week0)).toEqual([]);

    await commitPlan({ planId: outcome.planId, actor: fixture.planner, now });
    const jobs = await Job.find({ plan: outcome.planId }).lean();
    expect(jobs).toHaveLength(assignments.length);
    const orders = await Order.find({ _id: { $in: jobs.map((job) => job.order) } }, { shipBy: 1 }).lean();
    const shipBy = new Map(orders.map((order) => [String(order._id), order.shipBy]));
    for (const job of jobs) {
      expect(workingMinutesLeft({ week: job.plannedWeek, now })).toBeGreaterThan(0);
      expect(job.dueDate.getTime()).toBeGreaterThanOrEqual(now.getTime());
      const weekEnd = workingTimeEnd({ week: job.plannedWeek }) as Date;
      const orderShips = shipBy.get(String(job.order)) as Date;
      expect(job.dueDate).toEqual(new Date(Math.min(weekEnd.getTime(), orderShips.getTime())));
    }
  });

  it('refuses to commit work into a week whose working time ended after the proposal was made', async () => {
    const fixture = await seedPlanningFixture({ now: PLANNING_NOW });
    const { planId } = await startPlanRun({ actor: fixture.planner, trigger: 'planner', now: PLANNING_NOW }).outcome;
    // Whatever the optimizer chose, place one assignment in this week, as made on Wednesday.
    await Plan.updateOne({ _id: planId }, { $set: { 'assignments.0.week': fixture.weeks[0] } });

    const saturday = nairobi('2026-03-07T10:00');
    const refusal = commitPlan({ planId, actor: fixture.planner, now: saturday });
    await expect(refusal).rejects.toBeInstanceOf(StalePlanError);
    await expect(refusal).rejects.toThrow(/\(the working time of 2026-W10 has ended\); re-plan before committing$/);
    expect(await Job.countDocuments({ plan: planId })).toBe(0);
    expect((await Plan.findById(planId).lean())?.status).toBe('proposal');
  });
});
