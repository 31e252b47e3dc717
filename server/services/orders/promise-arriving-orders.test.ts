import { Types } from 'mongoose';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { type PreparedOrder } from './prepare-order';
import { promiseArrivingOrder } from './promise-arriving-orders';
import { promisePreparedOrders } from './promise-prepared-orders';

vi.mock('./promise-prepared-orders', () => ({ promisePreparedOrders: vi.fn() }));
const promise = vi.mocked(promisePreparedOrders);

const now = new Date('2026-03-02T06:00:00Z');
const orderRef = (reference: string) => ({ _id: new Types.ObjectId(), reference }) as unknown as PreparedOrder;

describe('promiseArrivingOrder', () => {
  beforeEach(() => {
    promise.mockReset();
    // Each order is promised a date naming its place in the pass, so each caller's own comes back.
    promise.mockImplementation(({ orders }) =>
      Promise.resolve(orders.map((order, index) => ({ ...order, notes: `${index + 1} of ${orders.length}` }))),
    );
  });

  it('promises orders that arrive together in one pass, each answered with its own', async () => {
    const arriving = ['W-1', 'W-2', 'W-3'].map((reference) => orderRef(reference));
    const promised = await Promise.all(arriving.map((order) => promiseArrivingOrder({ now, order, products: [] })));
    expect(promise).toHaveBeenCalledTimes(1);
    expect(promise.mock.calls[0][0].orders.map((order) => order.reference)).toEqual(['W-1', 'W-2', 'W-3']);
    expect(promised.map((order) => [order.reference, order.notes])).toEqual([
      ['W-1', '1 of 3'],
      ['W-2', '2 of 3'],
      ['W-3', '3 of 3'],
    ]);

    // One arriving after the pass has its own.
    const later = await promiseArrivingOrder({ now, order: orderRef('W-4'), products: [] });
    expect(promise).toHaveBeenCalledTimes(2);
    expect(later.notes).toBe('1 of 1');
  });

  it('passes a failure of the pass to every order in it', async () => {
    promise.mockRejectedValueOnce(new Error('the network could not be read'));
    const answers = await Promise.allSettled([
      promiseArrivingOrder({ now, order: orderRef('W-5'), products: [] }),
      promiseArrivingOrder({ now, order: orderRef('W-6'), products: [] }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
    expect(promise).toHaveBeenCalledTimes(1);
  });
});
