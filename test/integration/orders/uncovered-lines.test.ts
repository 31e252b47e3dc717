import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { Order } from '#server/models/index';
import { listUncoveredOrderLines } from '#server/services/orders/list-uncovered-order-lines';

import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { seedHandNetwork } from '../dashboard/hand-network';

/**
 * Open demand read in the background (behind the promise book's answers) is read a batch of
 * orders at a time, resting between batches; it must be the demand a read at once gives.
 */
describe('uncovered order lines read in the background', () => {
  beforeAll(async () => {
    await connectDomainDatabase();
    await clearDomainDatabase();
    clearReadModelCaches();
    const network = await seedHandNetwork();
    // More open orders than one batch, with ship-by days spread over two months.
    const base = (await Order.findById(network.orders.o1._id).lean())!;
    await Order.insertMany(
      Array.from({ length: 2_300 }, (_, index) => ({
        ...base,
        _id: new Types.ObjectId(),
        reference: `BULK-${String(index).padStart(4, '0')}`,
        shipBy: new Date(Date.UTC(2026, 2, 2 + (index % 60), 14)),
        lines: base.lines.map((line) => ({ ...line, _id: new Types.ObjectId(), quantity: 1 + (index % 40) })),
      })),
    );
  }, 60_000);
  afterAll(disconnectDomainDatabase);

  it('gives the same lines, in the same order, as a read at once', async () => {
    const atOnce = await listUncoveredOrderLines();
    const inBackground = await listUncoveredOrderLines({ background: true });
    expect(atOnce.length).toBeGreaterThan(4_600);
    expect(inBackground).toEqual(atOnce);
  });
});
