import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ForbiddenError } from '#server/domain/errors';
import { type DomainEventPayload } from '#server/domain/events';
import { domainEvents } from '#server/domain-events';
import { Plan } from '#server/models/index';
import { PlanCapacitySnapshot } from '#server/models/plan-capacity-snapshot';
import { currentPlanRun } from '#server/planning/plan-run-registry';
import { startPlanRun } from '#server/planning/start-plan-run';

import { makeActor } from '../../factories/actors';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { PLANNING_NOW, seedPlanningFixture, type PlanningFixture } from './planning-fixture';

describe('running the planner', () => {
  let fixture: PlanningFixture;
  const stops: (() => void)[] = [];

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    await PlanCapacitySnapshot.deleteMany({});
    fixture = await seedPlanningFixture({ now: PLANNING_NOW });
  });
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  it('reports progress, stores a proposal mapped back to orders, workshops and weeks, and announces it', async () => {
    const progress: DomainEventPayload<'plan:progress'>[] = [];
    const proposed: DomainEventPayload<'plan:proposed'>[] = [];
    stops.push(domainEvents.subscribe('plan:progress', (event) => progress.push(event)));
    stops.push(domainEvents.subscribe('plan:proposed', (event) => proposed.push(event)));

    const run = startPlanRun({ actor: fixture.planner, trigger: 'planner', now: PLANNING_NOW });
    expect((await currentPlanRun())?.planId).toBe(run.planId);
    const outcome = await run.outcome;
    expect(await currentPlanRun()).toBeNull();

    expect(outcome).toMatchObject({ planId: run.planId, trigger: 'planner', demandUnits: 54 });
    expect(outcome.placedUnits + outcome.unplacedUnits).toBe(54);
    expect(proposed).toEqual([
      {
        planId: run.planId,
        trigger: 'planner',
        placedUnits: outcome.placedUnits,
        unplacedUnits: outcome.unplacedUnits,
      },
    ]);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((event) => event.planId === run.planId && event.trigger === 'planner')).toBe(true);
    expect(progress.map((event) => event.percent)).toEqual(
      [...progress.map((event) => event.percent)].sort((a, b) => a - b),
    );
    expect(progress[0]).toMatchObject({ phase: 'reading', percent: 0 });
    expect(progress[progress.length - 1]).toMatchObject({ phase: 'done', percent: 100 });

    const plan = await Plan.findById(run.planId).lean();
    expect(plan?.status).toBe('proposal');
    expect(plan?.inputs).toMatchObject({ startWeek: fixture.weeks[0], weeks: 3, workshopCount: 2, demandUnits: 54 });
    expect(plan?.inputs.dataVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(String(plan?.createdBy)).toBe(fixture.planner.userId);
    const placed = plan?.assignments ?? [];
    expect(placed.reduce((sum, assignment) => sum + assignment.quantity, 0)).toBe(outcome.placedUnits);
    for (const assignment of placed) {
      expect(fixture.weeks).toContain(assignment.week);
      expect([String(fixture.brass), String(fixture.horn)]).toContain(String(assignment.workshop));
      expect([String(fixture.normalOrder), String(fixture.rushOrder)]).toContain(String(assignment.order));
      expect(assignment.minutes).toBe(
        assignment.quantity * (String(assignment.product) === String(fixture.hoops) ? 60 : 50),
      );
    }
    // Horn bangles can only go to the horn workshop.
    expect(
      placed
        .filter((assignment) => String(assignment.product) === String(fixture.bangles))
        .every((assignment) => String(assignment.workshop) === String(fixture.horn)),
    ).toBe(true);

    const snapshot = await PlanCapacitySnapshot.findOne({ plan: run.planId }).lean();
    expect(snapshot?.weeks).toEqual(fixture.weeks);
    expect(snapshot?.workshops.map((workshop) => workshop.code).sort()).toEqual(['KIB-101', 'MAT-202']);
  });

  it('lets a second request join the run under way instead of solving twice', async () => {
    const first = startPlanRun({ actor: fixture.planner, trigger: 'planner', now: PLANNING_NOW });
    const second = startPlanRun({ actor: makeActor('planner'), trigger: 'planner', now: PLANNING_NOW });
    expect(second).toMatchObject({ joined: true, planId: first.planId });
    expect(first.joined).toBe(false);
    const [a, b] = await Promise.all([first.outcome, second.outcome]);
    expect(a).toEqual(b);
    expect(await Plan.countDocuments()).toBe(1);
  });

  it('refuses people who may only read plans, and nonsense input, before doing anything', async () => {
    expect(() => startPlanRun({ actor: makeActor('manager'), trigger: 'planner', now: PLANNING_NOW })).toThrow(
      ForbiddenError,
    );
    expect(() => startPlanRun({ actor: fixture.planner, trigger: 'whenever' as 'planner' })).toThrow(/trigger/);
    expect(() => startPlanRun({ actor: fixture.planner, trigger: 'planner', weeks: 0 })).toThrow(/weeks/);
    expect(await currentPlanRun()).toBeNull();
    expect(await Plan.countDocuments()).toBe(0);
  });
});
