import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR, type Actor } from '#server/domain/actor';
import {
  DEFAULT_REFERENCE_WAGES,
  hourlyCentsOfMonthly,
  monthlyCentsOfHourly,
  STANDARD_HOURS_PER_MONTH,
} from '#server/domain/reference-wages';
import { AuditEvent } from '#server/models/index';
import { readReferenceWages } from '#server/services/wages/read-reference-wages';
import { recordReferenceWage } from '#server/services/wages/record-reference-wage';

import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

const ADMIN: Actor = { kind: 'user', role: 'admin', label: 'Test admin' };
const DESIGNER: Actor = { kind: 'user', role: 'designer', label: 'Test designer' };
const nairobi = (local: string) => new Date(`${local}+03:00`);

describe('reference wages', () => {
  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(clearDomainDatabase);

  it('converts between monthly and hourly at the 48-hour standard week', () => {
    expect(STANDARD_HOURS_PER_MONTH).toBe(208);
    // KES 16,113.75 a month is KES 77.47 an hour at 208 hours.
    expect(hourlyCentsOfMonthly(DEFAULT_REFERENCE_WAGES.minimum.monthlyCents)).toBe(7_747);
    expect(monthlyCentsOfHourly(10_000)).toBe(2_080_000);
  });

  it('starts from the published figures and applies each recorded one from its day on', async () => {
    const before = await readReferenceWages({ at: nairobi('2026-06-01T09:00') });
    expect(before.minimum).toEqual(DEFAULT_REFERENCE_WAGES.minimum);
    expect(before.living.monthlyCents).toBe(3_551_800);

    await recordReferenceWage({
      actor: ADMIN,
      kind: 'living',
      monthlyCents: 3_800_000,
      source: 'Global Living Wage Coalition, urban Kenya, 2026 update',
      effectiveFrom: '2026-07-01',
    });
    expect((await readReferenceWages({ at: nairobi('2026-06-30T23:59') })).living.monthlyCents).toBe(3_551_800);
    // Midnight in Nairobi is still 30 June in UTC: the day is Nairobi's.
    const july = await readReferenceWages({ at: nairobi('2026-07-01T00:30') });
    expect(july.living).toMatchObject({ monthlyCents: 3_800_000, effectiveFrom: '2026-07-01' });
    expect(july.minimum).toEqual(DEFAULT_REFERENCE_WAGES.minimum);
    expect(await AuditEvent.countDocuments({ action: 'reference_wage.recorded' })).toBe(1);
  });

  it('corrects a figure recorded for the same day instead of adding a second', async () => {
    const input = { kind: 'minimum' as const, source: 'Wages Order 2026', effectiveFrom: '2026-05-01' };
    await recordReferenceWage({ actor: SYSTEM_ACTOR, ...input, monthlyCents: 1_700_000 });
    await recordReferenceWage({ actor: ADMIN, ...input, monthlyCents: 1_750_000 });
    const wages = await readReferenceWages({ at: nairobi('2026-05-02T12:00') });
    expect(wages.minimum.monthlyCents).toBe(1_750_000);
    expect(await AuditEvent.countDocuments({ action: 'reference_wage.corrected' })).toBe(1);
  });

  it('refuses anyone but an admin, and names a bad field', async () => {
    const input = { kind: 'living' as const, monthlyCents: 4_000_000, source: 'x study', effectiveFrom: '2026-01-01' };
    await expect(recordReferenceWage({ actor: DESIGNER, ...input })).rejects.toMatchObject({ status: 403 });
    await expect(recordReferenceWage({ actor: ADMIN, ...input, monthlyCents: 12.5 })).rejects.toMatchObject({
      field: 'monthlyCents',
    });
    await expect(recordReferenceWage({ actor: ADMIN, ...input, effectiveFrom: '2026-02-30' })).rejects.toMatchObject({
      field: 'effectiveFrom',
    });
    await expect(
      recordReferenceWage({ actor: ADMIN, ...input, kind: 'median' as unknown as 'living' }),
    ).rejects.toMatchObject({ field: 'kind' });
  });
});
