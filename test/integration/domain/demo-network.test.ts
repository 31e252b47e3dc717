import { createHash } from 'node:crypto';

import { serialize } from 'bson';
import { type Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readCapacity, summariseCapacityByWeekAndSkill } from '#server/capacity/index';
import { resolveImpactPeriod } from '#server/impact/impact-period';
import { readImpactReport } from '#server/impact/read-impact-report';
import { ALL_MODELS } from '#server/models/index';
import { generateDemoNetwork, type DemoNetwork } from '#server/seed/generate-demo-network';
import { seedDemoNetwork } from '#server/seed/load-demo-network';
import { readOpenDemand } from '#server/services/orders/read-open-demand';
import { authenticateUser } from '#server/services/users/authenticate-user';
import { listDemoAccounts } from '#server/services/users/list-demo-accounts';

import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

// A Wednesday in 2026-W10: the network is simulated up to this moment.
const referenceDate = new Date('2026-03-04T10:00:00Z');
const small = { seed: 'test-network', artisans: 150, weeks: 8, referenceDate };
/** Collections the demo leaves empty: planning fills them as it runs, admins keep wages (see DemoNetwork). */
const LEFT_EMPTY = [
  'plan_capacity_snapshots',
  'planning_locks',
  // Pins and ruled-out workshops are a planner's, set from a proposal.
  'plan_levers',
  'reference_wages',
  // Payout runs start when a manager gathers one; the demo network has none yet.
  'payout_runs',
  'payouts',
  'payout_attempts',
  'provider_callbacks',
  'payout_leases',
  'channel_keys',
  'idempotency_records',
  'webhook_deliveries',
  // Written when a Shopify shop sends its order webhooks.
  'shopify_webhooks',
  'capacity_holds',
  'sessions',
  // Written by phones: officers' photos and artisans' actions.
  'inspection_photos',
  'phone_actions',
  'ussd_sessions',
  // SMS are queued by offers, inspections and payouts made after the demo loads.
  'sms_messages',
];

function hashNetwork(network: DemoNetwork): string {
  const hash = createHash('sha256');
  for (const [name, documents] of Object.entries(network)) {
    hash.update(name);
    for (const document of documents as object[]) hash.update(serialize(document as Record<string, unknown>));
  }
  return hash.digest('hex');
}

async function hashDatabase(): Promise<string> {
  const hash = createHash('sha256');
  for (const model of ALL_MODELS as readonly Model<unknown>[]) {
    hash.update(model.collection.collectionName);
    const documents = await model.collection.find({}).sort({ _id: 1 }).toArray();
    for (const document of documents) hash.update(serialize(document));
  }
  return hash.digest('hex');
}

describe('the demo network', () => {
  // The worker's database may hold accounts left by earlier test files; seeding refuses those.
  beforeAll(async () => {
    await connectDomainDatabase();
    await clearDomainDatabase();
  });
  afterAll(disconnectDomainDatabase);

  it('is the same network for the same seed, and another for another seed', async () => {
    const options = { seed: 'kiwanda', artisans: 600, weeks: 20, referenceDate };
    const first = await generateDemoNetwork(options);
    const second = await generateDemoNetwork({ ...options, referenceDate: new Date(referenceDate) });
    expect(hashNetwork(second)).toBe(hashNetwork(first));
    const other = await generateDemoNetwork({ ...options, seed: 'another' });
    expect(hashNetwork(other)).not.toBe(hashNetwork(first));
  });

  it('fits every schema', async () => {
    const network = await generateDemoNetwork(small);
    for (const model of ALL_MODELS as readonly Model<unknown>[]) {
      const name = model.collection.collectionName;
      const documents = network[name as keyof DemoNetwork] as object[];
      if (!LEFT_EMPTY.includes(name)) expect(documents.length, model.modelName).toBeGreaterThan(0);
      for (const document of documents) {
        const problem = await new model(document).validate().then(
          () => null,
          (error: Error) => `${model.modelName}: ${error.message} in ${JSON.stringify(document).slice(0, 200)}`,
        );
        expect(problem).toBeNull();
      }
    }
  });

  it('has a web-shop channel and two retail-partner channels', async () => {
    const { channels } = await generateDemoNetwork(small);
    expect(channels.map((channel) => [channel.name, channel.kind, channel.partner])).toEqual([
      ['web-shop', 'web-shop', undefined],
      ['anthropologie', 'retail-partner', 'Anthropologie'],
      ['madewell', 'retail-partner', 'Madewell'],
    ]);
  });

  it('writes the same documents to the database for the same seed', async () => {
    await seedDemoNetwork({ options: small });
    const first = await hashDatabase();
    await seedDemoNetwork({ options: small });
    expect(await hashDatabase()).toBe(first);
  });

  it('signs in its demo accounts with the published password, one per role', async () => {
    await seedDemoNetwork({ options: small });
    const accounts = await listDemoAccounts();
    expect(accounts.map((account) => account.role).sort()).toEqual([
      'admin',
      'artisan',
      'designer',
      'field_officer',
      'manager',
      'planner',
    ]);
    const artisan = await authenticateUser({ email: 'artisan@demo.kiwanda', password: 'kiwanda-demo' });
    expect(artisan?.artisanId).toBeTruthy();
    expect(artisan?.workshopId).toBeTruthy();
  });

  it('has open demand for the next three weeks close to or above what the network has free', async () => {
    await seedDemoNetwork({ options: { ...small, artisans: 400 } });
    // Capacity as of the network's now, Wednesday of its week: what is left of three weeks, less
    // the days away its artisans declared and the Idd-ul-Fitr gazetted for Friday 20 March.
    const { cells } = await readCapacity({
      now: referenceDate,
      weeks: ['2026-W10', '2026-W11', '2026-W12'],
      fresh: true,
    });
    const free = summariseCapacityByWeekAndSkill(cells);
    const demand = await readOpenDemand({ throughWeek: '2026-W13' });
    const ratio = (skill: string) =>
      demand.filter((cell) => cell.skill === skill).reduce((sum, cell) => sum + cell.minutes, 0) /
      free.filter((cell) => cell.skill === skill).reduce((sum, cell) => sum + cell.freeMinutes, 0);
    expect(ratio('brass-casting')).toBeGreaterThan(0.9);
    expect(ratio('brass-casting')).toBeLessThan(1.25);
    expect(ratio('horn-carving')).toBeGreaterThan(0.85);
    expect(ratio('wood-turning')).toBeLessThan(0.85);
    expect(demand.every((cell) => cell.week >= '2026-W11' && cell.week <= '2026-W13')).toBe(true);
  });

  it('gives the impact report a believable year', async () => {
    await seedDemoNetwork({ options: { ...small, weeks: 52 } });
    // The twelve months before the network's now: makers' share inside the brand's target, mostly women paid.
    const period = resolveImpactPeriod({
      query: { kind: 'custom', from: '2025-03-01', to: '2026-02-28' },
      now: referenceDate,
    });
    const report = await readImpactReport({ period });
    const { all, female, male } = report.current.byGender;
    expect(all.artisansPaid).toBeGreaterThan(100);
    expect(all.makersShare).toBeGreaterThan(0.2);
    expect(all.makersShare).toBeLessThan(0.35);
    expect(report.current.ordersOnTime.every((row) => row.share === null || row.share > 0.7)).toBe(true);
    expect(female.artisansPaid).toBeGreaterThan(male.artisansPaid);
    expect(report.artisans.reduce((sum, row) => sum + row.paidCents, 0)).toBe(
      female.paidCents + male.paidCents + report.current.byGender.other.paidCents,
    );
    expect(all.weeksOfWork52).toBeGreaterThan(4);
  });
});
