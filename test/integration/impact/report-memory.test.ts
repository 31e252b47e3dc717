import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type CapacityChanged, type OrderStatusChanged } from '#server/domain/events';
import { nairobiDateString } from '#server/domain/weeks';
import { domainEvents } from '#server/domain-events';
import { resolveImpactPeriod } from '#server/impact/impact-period';
import { PAID_DAYS_STATE_ID } from '#server/impact/paid-days/payments-fingerprint';
import { rebuildImpactPaidDays } from '#server/impact/paid-days/rebuild-paid-days';
import { readImpactReport } from '#server/impact/read-impact-report';
import { rebuildImpactWorkDays } from '#server/impact/work-days/keep-work-days-current';
import { Artisan } from '#server/models/artisan';
import { ImpactAggregateState } from '#server/models/impact-aggregate-state';
import { ImpactPaidMonth } from '#server/models/impact-paid-month';
import { Job } from '#server/models/job';
import { Order } from '#server/models/order';
import { recordInspection } from '#server/services/inspections/record-inspection';
import { recordPayment } from '#server/services/payments/record-payment';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { seedHandNetwork } from './hand-network';

// Payments land at the real clock's now: the report is this Nairobi month's.
const now = new Date();
const period = () => resolveImpactPeriod({ query: { kind: 'month', month: nairobiDateString(now).slice(0, 7) }, now });
const report = () => readImpactReport({ period: period() });
const comparable = async () => {
  const { current, previous, byArea, byWorkshop, artisans, trend } = await report();
  return { current, previous, byArea, byWorkshop, artisans, trend };
};

describe('the impact report’s rows kept in memory', () => {
  let network: Awaited<ReturnType<typeof seedHandNetwork>>;
  beforeAll(async () => {
    await connectDomainDatabase();
    await clearDomainDatabase();
    network = await seedHandNetwork();
  });
  afterAll(disconnectDomainDatabase);

  it('moves with a payment and an inspection landing, without a restart, and agrees with a rebuild', async () => {
    const before = await report();
    const order = await Order.findOne({ reference: 'ANT-1' }).lean();
    const [paid, inspected] = await Job.create([
      makeJob({
        order: order!._id,
        orderLine: order!.lines[0]._id,
        workshop: network.kibera._id,
        artisan: network.akinyi._id,
        status: 'passed',
        labourMinutesPerUnit: 30,
        passedQuantity: 4,
        pieceRateCents: 5_000,
        passedAt: new Date(now.getTime() - 3_600_000),
      }),
      makeJob({ workshop: network.mathare._id, status: 'ready_for_qc', quantity: 4 }),
    ]);
    // Jobs written straight to the database pass no event: the aggregate takes them in now, or a
    // rebuild that a read happens to start while the inspection below is being counted would.
    await rebuildImpactWorkDays();
    await recordPayment({ jobId: String(paid._id), actor: makeActor('manager') });
    const afterPayment = await report();
    expect(afterPayment.current.byGender.all.paidCents).toBe(before.current.byGender.all.paidCents + 4 * 5_000);
    expect(afterPayment.artisans.find((artisan) => artisan.artisanId === String(network.akinyi._id))?.paidCents).toBe(
      (before.artisans.find((artisan) => artisan.artisanId === String(network.akinyi._id))?.paidCents ?? 0) + 4 * 5_000,
    );

    await recordInspection({
      jobId: String(inspected._id),
      actor: makeActor('field_officer'),
      passedQuantity: 4,
      failedQuantity: 0,
    });
    // The work rows follow the inspection's event, after its transaction commits.
    await expect
      .poll(async () => (await report()).current.byGender.all.inspectionPassRate)
      .not.toBe(afterPayment.current.byGender.all.inspectionPassRate);

    const landed = await comparable();
    await Promise.all([rebuildImpactPaidDays(), rebuildImpactWorkDays()]);
    expect(await comparable()).toEqual(landed);
  });

  it('sees rows another process changed, by their revision alone', async () => {
    const before = await report();
    const month = nairobiDateString(now).slice(0, 7);
    // What a payment recorded by another process writes here: its rows and the aggregate's
    // revision, in one transaction, and no event this process hears.
    await ImpactPaidMonth.updateOne(
      { workshop: network.kibera._id, artisan: network.akinyi._id },
      { $inc: { [`months.${month}.paidCents`]: 1_000 } },
    );
    await ImpactAggregateState.updateOne({ _id: PAID_DAYS_STATE_ID }, { $inc: { revision: 1 } });
    expect((await report()).current.byGender.all.paidCents).toBe(before.current.byGender.all.paidCents + 1_000);
  });

  it('names artisans as the registry now has them once a registry event is heard, from any process', async () => {
    const named = async () =>
      (await report()).artisans.find((artisan) => artisan.artisanId === String(network.akinyi._id));
    expect((await named())?.name).toBe('Akinyi Odhiambo');
    // What the registry's services commit in another process; the relay hands its event in here.
    await Artisan.updateOne({ _id: network.akinyi._id }, { $set: { name: 'Akinyi Wanjiru', gender: 'male' } });
    domainEvents.deliverRemote(
      'capacity:changed',
      { workshopIds: [String(network.kibera._id)], weeks: [] } satisfies CapacityChanged,
      false,
    );
    const after = await report();
    expect(after.artisans.find((artisan) => artisan.artisanId === String(network.akinyi._id))).toMatchObject({
      name: 'Akinyi Wanjiru',
      gender: 'male',
    });
    expect(after.current.byGender.female.artisansPaid).toBe(0);
  });

  it('counts an order shipped since the last report once its event is heard, from any process', async () => {
    const webOrders = async () =>
      (await report()).current.ordersOnTime.find((row) => row.channel === 'web') ?? { orders: 0, onTime: 0 };
    const before = await webOrders();
    const shipped = await Order.create({
      reference: 'WEB-NOW',
      source: 'web',
      customer: { name: 'Buyer', country: 'US' },
      lines: [{ product: new Types.ObjectId(), sku: 'JUA-01', quantity: 1, unitPriceCents: 20_000 }],
      placedAt: new Date(now.getTime() - 7 * 86_400_000),
      shipBy: new Date(now.getTime() + 86_400_000),
      status: 'shipped',
      shippedAt: new Date(now.getTime() - 60_000),
    });
    domainEvents.deliverRemote(
      'order:status',
      { orderId: String(shipped._id), from: 'in_production', to: 'shipped' } satisfies OrderStatusChanged,
      false,
    );
    expect(await webOrders()).toMatchObject({ orders: before.orders + 1, onTime: before.onTime + 1 });
  });
});
