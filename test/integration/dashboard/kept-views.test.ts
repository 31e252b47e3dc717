import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { listOrders } from '#server/dashboard/list-orders';
import { listRecentEvents } from '#server/dashboard/list-recent-events';
import { OrderListQuery } from '#server/dashboard/order-list-query';
import { readJobsBoard } from '#server/dashboard/read-jobs-board';
import { readOverview } from '#server/dashboard/read-overview';
import { domainEvents } from '#server/domain-events';
import { AuditEvent, Job, Order } from '#server/models/index';

import { HAND_NOW, seedHandNetworkForEachTest } from './hand-network';

/**
 * The planner's pages are kept between requests and dropped by the events that change them. Each
 * test writes straight to the database first (no event: the kept view stays as it was, which
 * shows it is kept), then publishes the event the service would, and reads the view changed.
 */
describe('kept dashboard views on the hand-made network', () => {
  const network = seedHandNetworkForEachTest();

  const countIn = (board: Awaited<ReturnType<typeof readJobsBoard>>, status: string) =>
    board.columns.find((column) => column.status === status)?.count;

  it('drops a job’s boards (its week’s, its workshop’s, every week’s) when it moves, and keeps other workshops’ boards', async () => {
    const { wa, wb } = network().workshops;
    const read = (query: Parameters<typeof readJobsBoard>[0]['query']) => readJobsBoard({ query, now: HAND_NOW });
    const [network1, mine1, all1, other1] = await Promise.all([
      read({}),
      read({ workshop: wa.code }),
      read({ week: 'all' }),
      read({ workshop: String(wb._id) }),
    ]);
    expect(countIn(network1, 'accepted')).toBe(1);

    // J1 (workshop A, this week) is started by its artisan.
    await Job.updateOne({ _id: network().jobs.j1._id }, { $set: { status: 'in_progress' } });
    expect(countIn(await read({}), 'accepted')).toBe(1);
    domainEvents.publish('job:status', {
      jobId: String(network().jobs.j1._id),
      orderId: String(network().orders.o2._id),
      workshopId: String(wa._id),
      artisanId: String(network().artisans.a2._id),
      from: 'accepted',
      to: 'in_progress',
      week: '2026-W10',
    });

    const [network2, mine2, all2, other2] = await Promise.all([
      read({}),
      read({ workshop: String(wa._id) }),
      read({ week: 'all' }),
      read({ workshop: wb.code }),
    ]);
    for (const [before, after] of [
      [network1, network2],
      [mine1, mine2],
      [all1, all2],
    ]) {
      expect(countIn(after, 'accepted')).toBe((countIn(before, 'accepted') ?? 0) - 1);
      expect(countIn(after, 'in_progress')).toBe((countIn(before, 'in_progress') ?? 0) + 1);
    }
    // Workshop B's board holds none of A's jobs: the same kept result, found by code or id alike.
    expect(other2).toBe(other1);

    // A committed plan drops every board.
    await Job.updateOne({ _id: network().jobs.j6._id }, { $set: { status: 'passed' } });
    domainEvents.publish('plan:committed', {
      planId: String(new Types.ObjectId()),
      weeks: ['2026-W10'],
      jobs: 0,
      units: 0,
      workshops: 0,
    });
    expect(countIn(await read({ workshop: wb.code }), 'passed')).toBe(1);
  });

  it('keeps the overview’s shared parts for every range and skill until an order arrives', async () => {
    const first = await readOverview({ now: HAND_NOW, query: { weeks: 3 } });
    const openBefore = first.kpis.openOrders.count;
    const skill = 'beading-wire-work' as const;
    const unplannedIn = (overview: typeof first) =>
      overview.demand.cells
        .filter((cell) => cell.skill === skill)
        .reduce((sum, cell) => sum + cell.unplannedMinutes, 0);

    // A new open order for beads due this week, written without its event.
    const template = await Order.findById(network().orders.o6._id).lean();
    const { _id: _unused, ...copy } = template!;
    await Order.collection.insertOne({
      ...copy,
      reference: 'KW-KEPT-1',
      shipBy: new Date('2026-03-06T14:00:00Z'),
    });
    // A range never asked for is computed now, from the kept open orders: the order is not in it yet.
    const unannounced = await readOverview({ now: HAND_NOW, query: { weeks: 4, skill } });
    expect(unannounced.kpis.openOrders.count).toBe(openBefore);
    const unplannedBefore = unplannedIn(unannounced);

    domainEvents.publish('order:created', {
      orderId: 'kept-view-test',
      source: 'web',
      shipByWeek: '2026-W10',
      units: 30,
    });
    const announced = await readOverview({ now: HAND_NOW, query: { weeks: 4, skill } });
    expect(announced.kpis.openOrders.count).toBe(openBefore + 1);
    expect(unplannedIn(announced)).toBeGreaterThan(unplannedBefore);
    expect((await readOverview({ now: HAND_NOW, query: { weeks: 3 } })).kpis.openOrders.count).toBe(openBefore + 1);
  });

  it('keeps an order list’s sorted ids for all its pages until an order changes', async () => {
    const query = (page: number) => OrderListQuery.parse({ status: 'all', sort: 'reference', pageSize: 25, page });
    const first = await listOrders({ query: query(1) });
    expect(first.total).toBe(9);
    const template = await Order.findById(network().orders.o1._id).lean();
    const { _id: _unused, ...copy } = template!;
    await Order.collection.insertOne({ ...copy, reference: 'AAA-FIRST' });
    // Not announced: every page of the list still pages through the kept ids.
    expect((await listOrders({ query: query(2) })).total).toBe(9);

    domainEvents.publish('order:created', {
      orderId: 'kept-list-test',
      source: 'web',
      shipByWeek: '2026-W10',
      units: 30,
    });
    const after = await listOrders({ query: query(1) });
    expect(after.total).toBe(10);
    expect(after.rows[0].reference).toBe('AAA-FIRST');
    expect(after.rows.slice(1).map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
  });

  it('keeps each order’s row until its order or one of its jobs moves', async () => {
    const query = OrderListQuery.parse({ status: 'all', sort: 'reference', pageSize: 25 });
    const rowOf = async (orderId: Types.ObjectId) =>
      (await listOrders({ query })).rows.find((row) => row.id === String(orderId));
    const { o1, o2 } = network().orders;
    const [made1, made2] = [(await rowOf(o1._id))?.madeUnits, (await rowOf(o2._id))?.madeUnits];
    // J1 (of O2) passes 8 units and O1's priority changes, written without events: both rows stay as they were.
    await Job.updateOne({ _id: network().jobs.j1._id }, { $set: { passedQuantity: 8 } });
    await Order.updateOne({ _id: o1._id }, { $set: { priority: 'rush' } });
    expect((await rowOf(o2._id))?.madeUnits).toBe(made2);

    // J1 moving drops O2's row only.
    domainEvents.publish('job:status', {
      jobId: String(network().jobs.j1._id),
      orderId: String(o2._id),
      workshopId: String(network().workshops.wa._id),
      artisanId: null,
      from: 'ready_for_qc',
      to: 'passed',
      week: '2026-W10',
    });
    expect((await rowOf(o2._id))?.madeUnits).toBe((made2 ?? 0) + 8);
    expect((await rowOf(o1._id))?.madeUnits).toBe(made1);
    expect((await rowOf(o1._id))?.priority).not.toBe('rush');
    domainEvents.publish('order:changed', { orderId: String(o1._id), fields: ['priority'] });
    expect((await rowOf(o1._id))?.priority).toBe('rush');
  });

  it('keeps the live feed until an event says something happened', async () => {
    const entry = (minutes: number, id: Types.ObjectId) => ({
      at: new Date(HAND_NOW.getTime() + minutes * 60_000),
      actor: { kind: 'user', role: 'planner', label: 'Achieng' },
      entity: { kind: 'order', id },
      action: 'order.created',
      after: null,
      before: null,
    });
    await AuditEvent.collection.insertOne(entry(1, network().orders.o1._id));
    expect(await listRecentEvents({ limit: 5 })).toHaveLength(1);
    await AuditEvent.collection.insertOne(entry(2, network().orders.o6._id));
    expect(await listRecentEvents({ limit: 5 })).toHaveLength(1);
    domainEvents.publish('order:created', {
      orderId: String(network().orders.o6._id),
      source: 'web',
      shipByWeek: '2026-W13',
      units: 30,
    });
    const feed = await listRecentEvents({ limit: 5 });
    expect(feed).toHaveLength(2);
    expect(feed[0].summary).toContain(network().orders.o6.reference);
  });
});
