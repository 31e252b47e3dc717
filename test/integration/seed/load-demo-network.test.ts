import { type Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ALL_MODELS } from '#server/models/index';
import { seedDemoNetwork } from '#server/seed/load-demo-network';
import { type SeedProgress } from '#server/seed/seed-progress';

import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

const indexKeys = (indexes: { key: Record<string, unknown> }[]) =>
  indexes.map((index) => JSON.stringify(index.key)).sort();

describe('loading the demo network', () => {
  beforeAll(async () => {
    await connectDomainDatabase();
    await clearDomainDatabase();
  });
  afterAll(disconnectDomainDatabase);

  it('reports its phases in order with a fraction that only grows, ending at 1', async () => {
    const reports: SeedProgress[] = [];
    await seedDemoNetwork({
      options: { seed: 'load-test', artisans: 40, weeks: 2, referenceDate: new Date('2026-12-02T09:30:00Z') },
      replaceRealData: true,
      onProgress: (progress) => reports.push(progress),
    });
    const phases = [...new Set(reports.map((report) => report.phase))];
    // Building reports as it goes (a week at a time), not only when it is done.
    expect(reports.filter((report) => report.phase === 'building').length).toBeGreaterThan(2);
    expect(phases).toEqual(['building', 'clearing', 'writing', 'indexing', 'done']);
    const fractions = reports.map((report) => report.fraction);
    expect(fractions).toEqual([...fractions].sort((left, right) => left - right));
    expect(fractions.at(-1)).toBe(1);
    expect(reports.at(-1)?.label).toMatch(/ready/);
  }, 90_000);

  it('leaves every collection with the indexes its schema declares (built after the writes)', async () => {
    for (const model of ALL_MODELS as readonly Model<unknown>[]) {
      const declared = model.schema.indexes().map(([key]) => ({ key }));
      const present = await model.collection.indexes();
      expect(indexKeys(present as { key: Record<string, unknown> }[]), model.modelName).toEqual(
        indexKeys([{ key: { _id: 1 } }, ...declared]),
      );
    }
    // The unique ones hold: a second payment for a paid job is refused.
    const Payment = ALL_MODELS.find((model) => model.modelName === 'Payment') as unknown as Model<unknown>;
    const payment = (await Payment.collection.findOne({})) as Record<string, unknown>;
    await expect(Payment.collection.insertOne({ ...payment, _id: undefined })).rejects.toThrow(/duplicate key/);
  });
});
