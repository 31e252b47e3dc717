import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { domainEvents } from '#server/domain-events';
import { Job, Workshop } from '#server/models/index';
import { NEWEST_CHANGE_FIRST } from '#server/models/newest-change-index';
import { PlanCapacitySnapshot } from '#server/models/plan-capacity-snapshot';
import { commitPlan } from '#server/planning/commit-plan';
import { isProposalStale } from '#server/planning/is-proposal-stale';
import { readPlanList } from '#server/planning/read-plan-list';
import { readPlanView } from '#server/planning/read-plan-view';
import { startPlanRun } from '#server/planning/start-plan-run';
import { transitionJob } from '#server/services/jobs/transition-job';
import { adjustOrderForPlanning } from '#server/services/orders/adjust-order-for-planning';
import { PLANNING_INPUT_MODELS } from '#server/services/read-data-version';

import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { PLANNING_NOW, seedPlanningFixture, type PlanningFixture } from './planning-fixture';

/**
 * The proposal page's rows are built once per plan and kept; these are the rules that drop them,
 * checked by changing data underneath (silently, then with the event that announces it).
 */
describe('the kept views of a plan', () => {
  let fixture: PlanningFixture;
  let planId: string;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    await PlanCapacitySnapshot.deleteMany({});
    fixture = await seedPlanningFixture({ now: PLANNING_NOW });
    ({ planId } = await startPlanRun({ actor: fixture.planner, trigger: 'planner', now: PLANNING_NOW }).outcome);
  });

  it('keeps the names it built until the event that announces a change arrives', async () => {
    const codeOf = async () =>
      (await readPlanView({ planId }))?.assignments.find((row) => row.workshopId === String(fixture.brass))?.name;
    expect(await codeOf()).toBe('Jua Brass');
    // Written without an event: the kept view is served as it was.
    await Workshop.updateOne({ _id: fixture.brass }, { $set: { name: 'Jua Brass Works' } });
    expect(await codeOf()).toBe('Jua Brass');
    domainEvents.publish('capacity:changed', { workshopIds: [String(fixture.brass)], weeks: fixture.weeks });
    expect(await codeOf()).toBe('Jua Brass Works');
  });

  it('searches and pages the kept rows per request', async () => {
    const all = await readPlanView({ planId, pageSize: 1 });
    expect(all?.counts.workshops).toBe(2);
    expect(all?.assignments).toHaveLength(1);
    expect(all?.pageCount).toBe(2);
    const horn = await readPlanView({ planId, query: '  mathare ' });
    expect(horn?.assignments.map((row) => row.code)).toEqual(['MAT-202']);
    expect(horn?.total).toBe(1);
    expect((await readPlanView({ planId }))?.counts.workshops).toBe(2);
  });

  it('drops the changes when a job ends without work, not when a job moves along', async () => {
    const removed = async () => (await readPlanView({ planId, view: 'changes' }))?.diff?.totals.removedUnits;
    const before = await removed();
    const offered = await Job.findOne({ status: 'offered', workshop: fixture.brass }).lean();
    if (!offered) throw new Error('the fixture has an offered brass job');
    await transitionJob({ actor: fixture.planner, jobId: String(offered._id), to: 'accepted' });
    expect(await removed()).toBe(before);
    await transitionJob({ actor: fixture.planner, jobId: String(offered._id), to: 'cancelled' });
    expect(await removed()).toBe((before ?? 0) + offered.quantity);
  });

  it('drops the unplaced rows when a planner changes an order', async () => {
    const unplaced = async () => (await readPlanView({ planId, view: 'unplaced' }))?.unplaced ?? [];
    const row = (await unplaced()).find((entry) => entry.fixes.length > 0);
    if (!row) throw new Error('the fixture leaves units out with a fix to offer');
    const [fix] = row.fixes;
    await adjustOrderForPlanning({ actor: fixture.planner, now: PLANNING_NOW, orderId: row.orderId, adjustment: fix });
    const after = (await unplaced()).find((entry) => entry.orderLineId === row.orderLineId);
    // The order has the change now, so that very fix is no longer offered.
    expect(after?.fixes).not.toContainEqual(fix);
  });

  it('drops the plan and the list of plans when the plan is committed', async () => {
    expect((await readPlanList({})).waiting.map((plan) => plan.id)).toEqual([planId]);
    expect((await readPlanView({ planId }))?.summary.status).toBe('proposal');
    await commitPlan({ actor: fixture.planner, planId, now: PLANNING_NOW });
    const view = await readPlanView({ planId, view: 'changes' });
    expect(view?.summary.status).toBe('committed');
    expect(view?.diff).toBeNull();
    const list = await readPlanList({});
    expect(list.waiting).toEqual([]);
    expect(list.committed?.id).toBe(planId);
  });

  it('tells a proposal stale once the data moved on, and a newer one fresh', async () => {
    const summary = async (id: string) => (await readPlanView({ planId: id }))!.summary;
    const first = await summary(planId);
    expect(await isProposalStale(first)).toBe(false);
    const offered = await Job.findOne({ status: 'offered', workshop: fixture.brass }).lean();
    await transitionJob({ actor: fixture.planner, jobId: String(offered?._id), to: 'accepted' });
    expect(await isProposalStale(first)).toBe(true);
    expect(await isProposalStale(first)).toBe(true);
    const next = await startPlanRun({ actor: fixture.planner, trigger: 'planner', now: PLANNING_NOW }).outcome;
    expect(await isProposalStale(await summary(next.planId))).toBe(false);
  });
  // Every view of a proposal reads the stamp (is-proposal-stale.ts): without the index each read
  // scanned and ranked every order, job and artisan of the network.
  it('reads the data stamp of every planning collection through an index', async () => {
    for (const model of PLANNING_INPUT_MODELS) {
      const explained = (await model.findOne({}, { updatedAt: 1 }).sort(NEWEST_CHANGE_FIRST).explain()) as unknown as {
        queryPlanner: { winningPlan: { stage: string; inputStage?: { stage: string; keyPattern: object } } };
      };
      expect(explained.queryPlanner.winningPlan.inputStage, model.modelName).toMatchObject({
        stage: 'IXSCAN',
        keyPattern: NEWEST_CHANGE_FIRST,
      });
    }
  });
});
