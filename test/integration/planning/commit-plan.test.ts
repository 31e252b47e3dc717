import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { listRecentEvents } from '#server/dashboard/list-recent-events';
import { ForbiddenError, ValidationError } from '#server/domain/errors';
import { type DomainEventName, type PlanProgress } from '#server/domain/events';
import { domainEvents } from '#server/domain-events';
import { AuditEvent, Job, Order, Plan } from '#server/models/index';
import { commitPlan } from '#server/planning/commit-plan';
import { listPlans } from '#server/planning/plan-summary';
import { PlanAlreadyCommittedError, PlanSupersededError, StalePlanError } from '#server/planning/planning-errors';
import { startPlanRun } from '#server/planning/start-plan-run';
import { createOrder } from '#server/services/orders/create-order';

import { makeActor } from '../../factories/actors';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { PLANNING_NOW, seedCommittedPlan, seedPlanningFixture, type PlanningFixture } from './planning-fixture';

describe('committing a plan', () => {
  let fixture: PlanningFixture;
  let published: { name: DomainEventName; payload: unknown }[];
  const stops: (() => void)[] = [];

  const propose = async () =>
    (await startPlanRun({ actor: fixture.planner, trigger: 'planner', now: PLANNING_NOW }).outcome).planId;
  const jobsOf = (planId: string) => Job.find({ plan: planId }).lean();

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    fixture = await seedPlanningFixture({ now: PLANNING_NOW });
    published = [];
    for (const name of ['job:status', 'plan:committed', 'capacity:changed'] as const) {
      stops.push(domainEvents.subscribe(name, (payload) => published.push({ name, payload })));
    }
  });
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  it('creates every job of the proposal, marks the plan committed and the covered orders planned, in one go', async () => {
    const earlier = await seedCommittedPlan({ weeks: fixture.weeks });
    const planId = await propose();
    const plan = await Plan.findById(planId).lean();
    const assignments = plan?.assignments ?? [];
    expect(assignments.length).toBeGreaterThan(0);

    const progressOfCommit: PlanProgress[] = [];
    stops.push(domainEvents.subscribe('plan:progress', (event) => progressOfCommit.push(event)));
    const result = await commitPlan({ planId, actor: fixture.planner, now: PLANNING_NOW });

    const jobs = await jobsOf(planId);
    expect(result).toMatchObject({ planId, jobs: assignments.length, supersededPlans: 1 });
    expect(jobs).toHaveLength(assignments.length);
    const key = (entry: { orderLine: unknown; workshop: unknown; quantity: number }, week: string) =>
      `${String(entry.orderLine)}|${String(entry.workshop)}|${week}|${entry.quantity}`;
    expect(jobs.map((job) => key(job, job.plannedWeek)).sort()).toEqual(
      assignments.map((assignment) => key(assignment, assignment.week)).sort(),
    );
    for (const job of jobs) {
      const assignment = assignments.find((candidate) => key(candidate, candidate.week) === key(job, job.plannedWeek));
      expect(job).toMatchObject({
        status: 'offered',
        pieceRateCents: assignment?.pieceRateCents,
        labourMinutesPerUnit: assignment ? assignment.minutes / assignment.quantity : -1,
      });
      // Due at the end of the planned week's working time, Friday 17:00 in Nairobi (the orders ship later).
      expect(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Africa/Nairobi',
          weekday: 'long',
          hour: '2-digit',
          minute: '2-digit',
        }).format(job.dueDate),
      ).toBe('Friday 17:00');
    }

    const after = await Plan.findById(planId).lean();
    expect(after).toMatchObject({ status: 'committed' });
    expect(String(after?.committedBy)).toBe(fixture.planner.userId);
    expect(await Plan.findById(earlier).lean()).toMatchObject({ status: 'superseded', supersededBy: after?._id });

    const unplacedOrders = new Set((after?.unplaced ?? []).map((entry) => String(entry.order)));
    const normal = await Order.findById(fixture.normalOrder).lean();
    expect(normal?.status).toBe(unplacedOrders.has(String(fixture.normalOrder)) ? 'open' : 'planned');
    // An order already in production stays in production.
    expect((await Order.findById(fixture.rushOrder).lean())?.status).toBe('in_production');

    const audit = await AuditEvent.find({ 'entity.id': after?._id }).lean();
    expect(audit.map((event) => event.action)).toEqual(['plan.committed']);
    const figures = {
      jobs: jobs.length,
      units: jobs.reduce((sum, job) => sum + job.quantity, 0),
      workshops: new Set(jobs.map((job) => String(job.workshop))).size,
    };
    expect(result).toMatchObject(figures);
    expect(audit[0].after).toMatchObject(figures);
    // The live feed gets one entry for the whole commit, not a line per job offered.
    const feed = await listRecentEvents({ limit: 15 });
    expect(feed.filter((item) => item.action === 'plan.committed').map((item) => item.summary)).toEqual([
      `Plan committed: ${figures.jobs} jobs, ${figures.units} units, ${figures.workshops} workshop${figures.workshops === 1 ? '' : 's'}`,
    ]);
    expect(feed.filter((item) => ['job.offered', 'order.planned'].includes(item.action))).toEqual([]);
    // The plan keeps what it committed, for every page that shows it later.
    expect(after?.metrics).toMatchObject({
      committedJobs: figures.jobs,
      committedUnits: figures.units,
      committedWorkshops: figures.workshops,
    });
    expect(await AuditEvent.countDocuments({ action: 'job.offered' })).toBe(jobs.length);

    // A committed plan shows what it committed, even one committed without these figures (loaded history).
    expect((await listPlans()).committed?.committed).toEqual(figures);
    await Plan.collection.updateOne(
      { _id: after?._id },
      { $unset: { 'metrics.committedJobs': '', 'metrics.committedUnits': '', 'metrics.committedWorkshops': '' } },
    );
    expect((await listPlans()).committed?.committed).toEqual(figures);

    // Each workshop hears of its own offers; planners hear of the commit.
    const offers = published.filter((event) => event.name === 'job:status');
    expect(offers).toHaveLength(jobs.length);
    expect(offers.every((event) => (event.payload as { to: string; workshopId: string }).to === 'offered')).toBe(true);
    expect(published.filter((event) => event.name === 'plan:committed')).toEqual([
      {
        name: 'plan:committed',
        payload: { planId, ...figures, weeks: [...new Set(assignments.map((a) => a.week))].sort() },
      },
    ]);
    // Progress reaches the page while the commit runs, only ever forward, ending "committed".
    const progress = progressOfCommit;
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.every((event) => event.planId === planId)).toBe(true);
    expect(progress.map((event) => event.percent)).toEqual(
      [...progress.map((event) => event.percent)].sort((a, b) => a - b),
    );
    expect(progress.at(-1)).toMatchObject({ phase: 'committed', percent: 100 });
  });

  it('refuses a proposal computed before an order arrived, with a clear message, and writes nothing', async () => {
    const planId = await propose();
    await createOrder({
      actor: fixture.planner,
      source: 'web',
      customer: { name: 'Late Customer', country: 'KE' },
      lines: [{ productId: String(fixture.hoops), quantity: 3 }],
      shipBy: fixture.shipBy(2),
      placedAt: PLANNING_NOW,
    });
    published = [];

    const refusal = commitPlan({ planId, actor: fixture.planner, now: PLANNING_NOW });
    await expect(refusal).rejects.toBeInstanceOf(StalePlanError);
    await expect(refusal).rejects.toThrow(
      /^Orders or capacity changed since this proposal was computed \(1 order changed since \d\d:\d\d on .+\); re-plan before committing$/,
    );
    expect(await jobsOf(planId)).toHaveLength(0);
    expect((await Plan.findById(planId).lean())?.status).toBe('proposal');
    expect(published).toEqual([]);
  });

  it('refuses to commit the same plan twice, or a superseded one', async () => {
    const older = await propose();
    const planId = await propose();
    await commitPlan({ planId, actor: fixture.planner, now: PLANNING_NOW });
    const jobs = (await jobsOf(planId)).length;

    await expect(commitPlan({ planId, actor: fixture.planner, now: PLANNING_NOW })).rejects.toBeInstanceOf(
      PlanAlreadyCommittedError,
    );
    await expect(commitPlan({ planId, actor: fixture.planner, now: PLANNING_NOW })).rejects.toThrow(
      /already committed/,
    );
    await expect(commitPlan({ planId: older, actor: fixture.planner, now: PLANNING_NOW })).rejects.toBeInstanceOf(
      PlanSupersededError,
    );
    await expect(commitPlan({ planId: older, actor: fixture.planner, now: PLANNING_NOW })).rejects.toThrow(
      new RegExp(`superseded by plan ${planId}`),
    );
    expect(await jobsOf(planId)).toHaveLength(jobs);
    expect(await jobsOf(older)).toHaveLength(0);
  });

  it('lets exactly one of two planners committing at the same moment through', async () => {
    const first = await propose();
    const second = await propose();
    const plans = [first, second];

    const results = await Promise.allSettled(
      plans.map((planId) => commitPlan({ planId, actor: makeActor('planner'), now: PLANNING_NOW })),
    );

    const won = results.flatMap((result, index) => (result.status === 'fulfilled' ? [plans[index]] : []));
    const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toSatisfy(
      (error: Error) => error instanceof StalePlanError || error instanceof PlanSupersededError,
    );
    const winner = await Plan.findById(won[0]).lean();
    expect(await Job.countDocuments({ plan: { $exists: true } })).toBe(winner?.assignments.length);
    expect(await Plan.countDocuments({ status: 'committed' })).toBe(1);
  });

  it('lets one of two commits of the same plan through', async () => {
    const planId = await propose();
    const results = await Promise.allSettled([
      commitPlan({ planId, actor: fixture.planner, now: PLANNING_NOW }),
      commitPlan({ planId, actor: fixture.planner, now: PLANNING_NOW }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const plan = await Plan.findById(planId).lean();
    expect(await jobsOf(planId)).toHaveLength(plan?.assignments.length ?? -1);
  });

  it('rolls everything back when one job cannot be created', async () => {
    const planId = await propose();
    // An assignment to a workshop without the skill (as if the proposal had been tampered with).
    await Plan.updateOne({ _id: planId }, { $set: { 'assignments.0.workshop': fixture.closed } });
    const ordersBefore = await Order.find({}, { status: 1 }).sort({ _id: 1 }).lean();
    const auditBefore = await AuditEvent.countDocuments();

    await expect(commitPlan({ planId, actor: fixture.planner, now: PLANNING_NOW })).rejects.toBeInstanceOf(
      ValidationError,
    );

    expect(await jobsOf(planId)).toHaveLength(0);
    expect((await Plan.findById(planId).lean())?.status).toBe('proposal');
    expect(await Order.find({}, { status: 1 }).sort({ _id: 1 }).lean()).toEqual(ordersBefore);
    expect(await AuditEvent.countDocuments()).toBe(auditBefore);
    expect(published).toEqual([]);
  });

  it('lets only planners commit', async () => {
    const planId = await propose();
    await expect(commitPlan({ planId, actor: makeActor('manager'), now: PLANNING_NOW })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(commitPlan({ planId: 'not-an-id', actor: fixture.planner })).rejects.toThrow(/planId/);
    expect(await jobsOf(planId)).toHaveLength(0);
  });
});
