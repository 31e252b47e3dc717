import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { domainEvents } from '#server/domain-events';
import { AuditEvent, Order, WebhookDelivery } from '#server/models/index';
import { type ProductDoc } from '#server/models/product';
import { importPurchaseOrder } from '#server/services/orders/import-purchase-order';
import { previewPurchaseOrder } from '#server/services/orders/preview-purchase-order';
import { PURCHASE_ORDER_MAX_ROWS } from '#server/services/orders/purchase-order-file';

import { makeActor } from '../../factories/actors';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { buildOrderEntryNetwork } from './order-entry-network';

// Monday 2 March 2026, 09:00 in Nairobi.
const now = new Date('2026-03-02T06:00:00Z');
const planner = makeActor('planner');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('importing a purchase-order file', () => {
  let hoops: ProductDoc;
  let cuff: ProductDoc;
  let channelId: string;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    ({ hoops, cuff, channelId } = await buildOrderEntryNetwork());
  });

  const file = () =>
    bytes(
      [
        'po_number,sku,quantity,ship_by,store,notes',
        `MW-1,${hoops.sku},24,2026-03-20,SoHo,Gift boxes`,
        `MW-1,${cuff.sku},6,20/3/2026,SoHo,`,
        `MW-2,NOPE-1,24,2026-03-27,,`,
        `MW-2,${hoops.sku},5,2026-03-27,,`,
        `MW-3,${hoops.sku},12,next week,,`,
        `MW-4,${hoops.sku},12,2026-02-27,,`,
        `MW-5,${cuff.sku},12.5,2026-03-27,,`,
      ].join('\r\n'),
    );
  const customer = () => ({ channel: channelId });

  it('names every bad row’s problem in words and writes nothing', async () => {
    const { preview } = await previewPurchaseOrder({ file: file(), customer: customer(), now });
    expect(preview.customer).toMatchObject({ label: 'Madewell', channelId });
    expect(preview.rows.map((row) => [row.line, row.problems])).toEqual([
      [2, []],
      [3, []],
      [4, ['unknown SKU NOPE-1']],
      [5, [`5 is below the minimum lot of 12 for ${hoops.sku}`]],
      [6, ['ship_by "next week" is not a date; write it like 7 Nov 2026']],
      [7, ['ship_by must be after the order is placed (it is in the past)']],
      [8, ['quantity 12.5 is not a whole number of units']],
    ]);
    expect(preview.orders).toEqual([{ poNumber: 'MW-1', lines: [2, 3], units: 30, shipBy: '2026-03-20' }]);
    expect(preview.badRows).toBe(5);

    await expect(
      importPurchaseOrder({
        actor: planner,
        file: file(),
        customer: customer(),
        leaveOutBadRows: false,
        previewedBadRows: preview.badRowsKey,
        now,
      }),
    ).rejects.toMatchObject({ field: 'leaveOutBadRows' });
    expect(await Order.countDocuments()).toBe(0);
  });

  it('leaves the bad rows out when asked: the good rows’ orders are written, audited, announced, their webhook queued', async () => {
    const { preview } = await previewPurchaseOrder({ file: file(), customer: customer(), now });
    const events: unknown[] = [];
    const stop = domainEvents.subscribe('order:created', (event) => events.push(event));
    const outcome = await importPurchaseOrder({
      actor: planner,
      file: file(),
      customer: customer(),
      leaveOutBadRows: true,
      previewedBadRows: preview.badRowsKey,
      now,
    }).finally(stop);
    expect(outcome).toMatchObject({ status: 'imported', lineCount: 2, leftOut: 5 });
    if (outcome.status !== 'imported') throw new Error('not imported');
    expect(outcome.orders).toHaveLength(1);
    const order = await Order.findById(outcome.orders[0].orderId).lean();
    expect(order).toMatchObject({
      source: 'retail',
      partner: 'Madewell',
      externalRef: 'MW-1',
      customer: { name: 'Madewell', store: 'SoHo' },
      notes: 'Gift boxes',
    });
    expect(String(order?.channel)).toBe(channelId);
    expect(order?.lines.map((line) => [line.sku, line.quantity, line.promisedShipDate ?? null])).toEqual([
      [hoops.sku, 24, '2026-03-20'],
      [cuff.sku, 6, null],
    ]);
    expect(events).toEqual([{ orderId: String(order?._id), source: 'retail', shipByWeek: '2026-W12', units: 30 }]);
    expect(await AuditEvent.countDocuments({ 'entity.id': order?._id, 'actor.role': 'planner' })).toBe(1);
    expect(await WebhookDelivery.countDocuments({ order: order?._id, type: 'order.accepted' })).toBe(1);
  });

  it('refuses a PO number already imported for the same customer, and only for that customer', async () => {
    const good = bytes(`po_number,sku,quantity,ship_by\nK-7,${hoops.sku},12,2026-03-20\n`);
    const typed = { customerName: 'Kazuri Boutique' };
    const first = await importPurchaseOrder({
      actor: planner,
      file: good,
      customer: typed,
      leaveOutBadRows: false,
      previewedBadRows: undefined,
      now,
    });
    expect(first).toMatchObject({ status: 'imported', orders: [{ poNumber: 'K-7' }] });
    const reference = first.status === 'imported' ? first.orders[0].reference : '';
    const again = await previewPurchaseOrder({ file: good, customer: typed, now });
    expect(again.preview.rows[0].problems).toEqual([`PO K-7 was already imported (order ${reference})`]);
    // The retail partner's own K-7 is another purchase order.
    const partner = await previewPurchaseOrder({ file: good, customer: customer(), now });
    expect(partner.preview.badRows).toBe(0);
    expect(await Order.findOne({ externalRef: 'K-7' }).lean()).toMatchObject({ source: 'hq' });
  });

  it('writes all the orders or none', async () => {
    const two = bytes(
      `po_number,sku,quantity,ship_by\nA-1,${hoops.sku},12,2026-03-20\nA-2,${hoops.sku},12,2026-03-27\n`,
    );
    const create = Order.create.bind(Order);
    let calls = 0;
    const spy = vi.spyOn(Order, 'create').mockImplementation(((...args: Parameters<typeof create>) => {
      calls += 1;
      if (calls === 2) throw new Error('the disk is full');
      return create(...args);
    }) as typeof Order.create);
    const events: unknown[] = [];
    const stop = domainEvents.subscribe('order:created', (event) => events.push(event));
    try {
      await expect(
        importPurchaseOrder({
          actor: planner,
          file: two,
          customer: customer(),
          leaveOutBadRows: false,
          previewedBadRows: undefined,
          now,
        }),
      ).rejects.toThrow('the disk is full');
    } finally {
      spy.mockRestore();
      stop();
    }
    expect(calls).toBe(2);
    expect(await Order.countDocuments()).toBe(0);
    expect(await AuditEvent.countDocuments({ action: 'order.created' })).toBe(0);
    expect(await WebhookDelivery.countDocuments()).toBe(0);
    expect(events).toEqual([]);
  });

  it('answers unreadable files with the reason, never a crash', async () => {
    const read = (text: Uint8Array) => previewPurchaseOrder({ file: text, customer: customer(), now });
    const refusal = (text: Uint8Array) =>
      read(text).then(
        () => 'read',
        (error: Error) => error.message,
      );
    expect(await refusal(bytes(''))).toBe('file: the file is empty');
    expect(await refusal(bytes('sku,quantity\nX,1\n'))).toBe(
      'file: the header row has no po_number, ship_by columns (it has: sku, quantity)',
    );
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toMatch(/not a CSV file/);
    expect(await refusal(new Uint8Array([0x70, 0x6f, 0x0a, 0xff, 0xfe, 0x41]))).toMatch(/not UTF-8/);
    expect(await refusal(bytes('po_number,sku,quantity,ship_by\n"A,B,1,2026-03-20\n'))).toMatch(/not readable as CSV/);
    const long = ['po_number,sku,quantity,ship_by'];
    for (let row = 0; row <= PURCHASE_ORDER_MAX_ROWS; row++) long.push(`P-${row},${hoops.sku},12,2026-03-20`);
    expect(await refusal(bytes(long.join('\n')))).toMatch(/rows; the most one import takes is 500/);
    expect(await refusal(new Uint8Array(300 * 1024).fill(0x41))).toMatch(/KiB; the most one import takes is 200 KiB/);
    await expect(previewPurchaseOrder({ file: file(), customer: {}, now })).rejects.toMatchObject({ field: 'channel' });
  });
});
