import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { Order, Plan, PlanLever } from '#server/models/index';
import { startPlanRun } from '#server/planning/start-plan-run';

import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';
import { PLANNING_NOW, seedPlanningFixture } from './planning-fixture';

/** The proposal page's lever forms over HTTP, as a browser without JavaScript posts them. */
describe('pinning from the proposal page', () => {
  let server: RunningKiwanda;
  let planId = '';
  let form: Record<string, string> = {};
  const cookies = { planner: '', manager: '' };
  const post = (cookie: string, fields: Record<string, string>) =>
    fetch(`${server.url}/planning/${planId}`, {
      method: 'POST',
      headers: { Cookie: cookie },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    });

  beforeAll(async () => {
    server = await startTestServer({ clock: { now: () => PLANNING_NOW } });
    await clearDomainDatabase();
    const fixture = await seedPlanningFixture({ now: PLANNING_NOW });
    planId = (await startPlanRun({ actor: fixture.planner, trigger: 'planner', now: PLANNING_NOW }).outcome).planId;
    const plan = (await Plan.findById(planId).lean())!;
    const [assignment] = plan.assignments;
    form = {
      intent: 'pin',
      orderLineId: String(assignment.orderLine),
      workshopId: String(assignment.workshop),
      week: assignment.week,
      quantity: String(assignment.quantity),
    };
    for (const role of ['planner', 'manager'] as const)
      cookies[role] = (await signIn({ baseUrl: server.url, role })).cookie;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows the lever forms to planners only, and refuses managers', async () => {
    const page = async (cookie: string) =>
      (await fetch(`${server.url}/planning/${planId}`, { headers: { Cookie: cookie } })).text();
    expect((await page(cookies.planner)).match(/data-testid="pin-line"/g)?.length).toBeGreaterThan(0);
    expect(await page(cookies.manager)).not.toContain('data-testid="pin-line"');
    const refused = await post(cookies.manager, form);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('a manager cannot pin or rule out workshops');
    expect(await PlanLever.countDocuments()).toBe(0);
  });

  it('answers bad input with the field named, and keeps a good pin', async () => {
    const line = await Order.findOne({ 'lines._id': form.orderLineId }).lean();
    const units = line!.lines.find((l) => String(l._id) === form.orderLineId)!.quantity;
    const tooMany = await post(cookies.planner, { ...form, quantity: String(units + 1) });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain(`quantity: must be at most ${units}`);
    const badWeek = await post(cookies.planner, { ...form, week: 'next week' });
    expect(badWeek.status).toBe(400);
    expect(await badWeek.text()).toContain('week: must be an ISO week');
    const unknown = await post(cookies.planner, {
      intent: 'rule-out',
      orderLineId: form.orderLineId,
      workshopCode: 'ZZZ-999',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('workshopCode: is not a workshop of the network');

    const kept = await post(cookies.planner, form);
    expect(kept.status).toBe(200);
    expect(await kept.text()).toContain('Pinned: every later plan run keeps these units there');
    expect(await PlanLever.find({}, { kind: 1, quantity: 1, week: 1, _id: 0 }).lean()).toEqual([
      { kind: 'pin', quantity: Number(form.quantity), week: form.week },
    ]);
  });
});
