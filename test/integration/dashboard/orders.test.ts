import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listOrders } from '#server/dashboard/list-orders';
import { OrderListQuery } from '#server/dashboard/order-list-query';
import { type OrderRow } from '#server/dashboard/order-rows';
import { readOrderDetail } from '#server/dashboard/read-order-detail';
import { streamOrdersCsv } from '#server/dashboard/stream-orders-csv';
import { NotFoundError, ValidationError } from '#server/domain/errors';
import { Job, Order, Product } from '#server/models/index';
import { type OrderDoc } from '#server/models/order';
import { seedDemoNetwork } from '#server/seed/load-demo-network';

import { connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

const REFERENCE_DATE = new Date('2026-03-04T10:00:00Z');
const query = (params: Record<string, string> = {}) => OrderListQuery.parse(params);

/** Every page of a query, joined. */
async function allPages(params: Record<string, string>): Promise<OrderRow[]> {
  const rows: OrderRow[] = [];
  for (let page = 1; ; page += 1) {
    const result = await listOrders({ query: query({ ...params, page: String(page) }) });
    rows.push(...result.rows);
    if (page >= result.pageCount) return rows;
  }
}

async function csvOf(params: Record<string, string>): Promise<Record<string, string>[]> {
  const text = await new Response(streamOrdersCsv({ query: query(params) })).text();
  return parse(text, { columns: true, bom: true });
}

describe('orders table and CSV over the demo network', () => {
  let orders: OrderDoc[];

  beforeAll(async () => {
    await connectDomainDatabase();
    await seedDemoNetwork({
      options: { seed: 'dashboard-orders', artisans: 150, weeks: 8, referenceDate: REFERENCE_DATE },
      replaceRealData: true,
    });
    orders = await Order.find({}).lean();
  });
  afterAll(disconnectDomainDatabase);

  it('lists open orders by default, soonest ship-by first, 25 to a page', async () => {
    const page = await listOrders({ query: query() });
    const open = orders.filter((order) => ['open', 'planned', 'in_production'].includes(order.status));
    expect(open.length).toBeGreaterThan(25);
    expect(page.total).toBe(open.length);
    expect(page.pageCount).toBe(Math.ceil(open.length / 25));
    const expected = [...open].sort(
      (a, b) => a.shipBy.getTime() - b.shipBy.getTime() || String(a._id).localeCompare(String(b._id)),
    );
    expect(page.rows.map((row) => row.reference)).toEqual(expected.slice(0, 25).map((order) => order.reference));
  });

  it('pages through every row exactly once', async () => {
    const rows = await allPages({ status: 'all', sort: 'placedAt', dir: 'desc', pageSize: '100' });
    expect(rows).toHaveLength(orders.length);
    expect(new Set(rows.map((row) => row.id)).size).toBe(orders.length);
    const placed = rows.map((row) => row.placedOn);
    expect(placed).toEqual([...placed].sort().reverse());
  });

  it('filters by status, source, partner, ship-by range and search, as the rows themselves say', async () => {
    const shipped = await listOrders({ query: query({ status: 'shipped', pageSize: '100' }) });
    expect(shipped.total).toBe(orders.filter((order) => order.status === 'shipped').length);
    expect(shipped.rows.every((row) => row.status === 'shipped')).toBe(true);

    const partner = orders.find((order) => order.source === 'retail')?.partner as string;
    const retail = await allPages({ status: 'all', source: 'retail', partner });
    expect(retail.map((row) => row.reference).sort()).toEqual(
      orders
        .filter((order) => order.partner === partner)
        .map((order) => order.reference)
        .sort(),
    );

    // Nairobi days: 2026-03-05 00:00 to 2026-03-11 24:00 EAT.
    const inRange = await allPages({ status: 'all', shipFrom: '2026-03-05', shipTo: '2026-03-11' });
    const from = new Date('2026-03-04T21:00:00Z').getTime();
    const to = new Date('2026-03-11T21:00:00Z').getTime();
    expect(inRange.map((row) => row.reference).sort()).toEqual(
      orders
        .filter((order) => order.shipBy.getTime() >= from && order.shipBy.getTime() < to)
        .map((order) => order.reference)
        .sort(),
    );
    expect(inRange.length).toBeGreaterThan(0);

    const sample = orders.find((order) => order.source === 'web') as OrderDoc;
    const fragment = sample.reference.slice(-4).toLowerCase();
    const found = await allPages({ status: 'all', q: fragment });
    expect(found.map((row) => row.reference)).toContain(sample.reference);
    expect(
      found.every((row) => `${row.reference} ${row.customer} ${row.partner ?? ''}`.toLowerCase().includes(fragment)),
    ).toBe(true);
  });

  it('filters by skill through the products on the lines', async () => {
    const products = await Product.find({ requiredSkill: 'horn-carving' }, { _id: 1 }).lean();
    const horn = new Set(products.map((product) => String(product._id)));
    const rows = await allPages({ status: 'all', skill: 'horn-carving' });
    const expected = orders.filter((order) => order.lines.some((line) => horn.has(String(line.product))));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.reference).sort()).toEqual(expected.map((order) => order.reference).sort());
  });

  it('counts units, value and made units per order from its lines and jobs', async () => {
    const [row] = (await listOrders({ query: query({ status: 'in_production' }) })).rows;
    const order = orders.find((candidate) => candidate.reference === row.reference) as OrderDoc;
    const jobs = await Job.find({ order: order._id, status: { $nin: ['declined', 'cancelled'] } }).lean();
    expect(row.units).toBe(order.lines.reduce((sum, line) => sum + line.quantity, 0));
    expect(row.valueCents).toBe(order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0));
    expect(row.plannedUnits).toBe(jobs.reduce((sum, job) => sum + job.quantity, 0));
    expect(row.madeUnits).toBe(jobs.reduce((sum, job) => sum + job.passedQuantity, 0));
  });

  it('writes the CSV with exactly the filtered table rows, in the table order', async () => {
    const params = { status: 'all', source: 'retail', sort: 'reference', dir: 'asc' };
    const table = await allPages(params);
    const csv = await csvOf(params);
    expect(csv.map((record) => record.reference)).toEqual(table.map((row) => row.reference));
    expect(csv.map((record) => [record.units, record.made_units, record.value_kes, record.ship_by])).toEqual(
      table.map((row) => [String(row.units), String(row.madeUnits), (row.valueCents / 100).toFixed(2), row.shipBy]),
    );
  });

  it('refuses a bad filter naming it, and answers a missing order with not found', () => {
    expect(() => query({ sort: 'price' })).toThrow();
    expect(() => OrderListQuery.parse({ shipFrom: '2026-03-10', shipTo: '2026-03-01' })).toThrow(
      /is before the first ship-by date/,
    );
    return Promise.all([
      expect(readOrderDetail({ orderId: '0123456789abcdef01234567' })).rejects.toBeInstanceOf(NotFoundError),
      expect(readOrderDetail({ orderId: 'nope' })).rejects.toBeInstanceOf(ValidationError),
    ]);
  });

  it('shows an order with its lines and the jobs making each line', async () => {
    const order = orders.find((candidate) => candidate.status === 'in_production') as OrderDoc;
    const detail = await readOrderDetail({ orderId: String(order._id) });
    const jobs = await Job.find({ order: order._id }).lean();
    expect(detail.lines).toHaveLength(order.lines.length);
    expect(detail.lines.flatMap((line) => line.jobs.map((job) => job.id)).sort()).toEqual(
      jobs.map((job) => String(job._id)).sort(),
    );
    for (const line of detail.lines) {
      for (const job of line.jobs) {
        expect(String(jobs.find((candidate) => String(candidate._id) === job.id)?.orderLine)).toBe(line.id);
      }
    }
  });
});
