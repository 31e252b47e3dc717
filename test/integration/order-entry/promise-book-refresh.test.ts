import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { readCheckNetwork } from '#server/capacity-check/read-check-network';
import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { nairobiDate } from '#server/domain/weeks';
import { domainEvents } from '#server/domain-events';
import { insertOrder } from '#server/services/orders/create-order';
import { prepareOrder, type PreparedOrder } from '#server/services/orders/prepare-order';
import { type PromiseBook, promiseBookReadSettled, readPromiseBook } from '#server/services/orders/promise-book';
import { promisePreparedOrders } from '#server/services/orders/promise-prepared-orders';
import { runInTransaction } from '#server/services/run-in-transaction';

import { makeActor } from '../../factories/actors';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import {
  CHECK_NOW,
  type CapacityCheckFixture,
  seedCapacityCheckFixture,
} from '../capacity-check/capacity-check-fixture';

const planner = makeActor('planner');
const later = (seconds: number) => new Date(CHECK_NOW.getTime() + seconds * 1_000);

/**
 * The promise book reads the network again behind the kept book once it is 30 s old, while orders
 * keep being promised on the kept one; the new book takes over and carries on what was promised
 * meanwhile. Each promised line must count exactly once: in the read's open demand when its order
 * was written in time, carried otherwise.
 */
describe('the promise book read again while orders arrive', () => {
  let fixture: CapacityCheckFixture;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    fixture = await seedCapacityCheckFixture();
    clearReadModelCaches();
  });

  /** A web order of `quantity` cuffs shipping Friday 20 March, promised as of `now`. */
  const promise = async ({ now, quantity }: { now: Date; quantity: number }): Promise<PreparedOrder> => {
    const prepared = await prepareOrder({
      source: 'web',
      customer: { name: 'Wanjiru Kamau', country: 'KE' },
      lines: [{ productId: String(fixture.cuff), quantity }],
      shipBy: nairobiDate({ year: 2026, month: 3, day: 20 }),
      placedAt: now,
    });
    const [order] = await promisePreparedOrders({ now, orders: [prepared] });
    return order;
  };
  const write = (order: PreparedOrder) => runInTransaction((unit) => insertOrder({ unit, order, actor: planner }));
  /** Where the book has `order`'s line: read as open demand, carried, or both (wrong). */
  const countOf = (book: PromiseBook, order: PreparedOrder) =>
    [...book.network.jobs.values()].filter((job) => String(job.orderId) === String(order._id)).length +
    book.carried.filter((line) => line.orderId === String(order._id)).length;
  const carriedOf = (book: PromiseBook, order: PreparedOrder) =>
    book.carried.filter((line) => line.orderId === String(order._id)).length;

  it('swaps in a new book that holds every line once, and agrees with a fresh read', async () => {
    const first = await promise({ now: CHECK_NOW, quantity: 5 });
    await write(first);
    const oldBook = await readPromiseBook({ now: CHECK_NOW });
    expect(carriedOf(oldBook, first)).toBe(1);

    // 31 s on, the next order starts a read behind the kept book and is promised on the kept one;
    // more are promised while it reads: one written at once, one later, one never.
    const started = await promise({ now: later(31), quantity: 5 });
    const meanwhile = await Promise.all([
      promise({ now: later(31), quantity: 5 }),
      promise({ now: later(31), quantity: 5 }),
      promise({ now: later(31), quantity: 5 }),
    ]);
    const [writtenAtOnce, writtenLater, neverWritten] = meanwhile;
    await Promise.all([write(started), write(writtenAtOnce)]);
    // However the read and the writes interleave, each line ends up in the new book once.
    await promiseBookReadSettled();

    const newBook = await readPromiseBook({ now: later(31) });
    expect(newBook).not.toBe(oldBook);
    for (const order of [first, started, writtenAtOnce, writtenLater, neverWritten])
      expect(countOf(newBook, order)).toBe(1);
    // Written before the read: found there, not carried again.
    expect(carriedOf(newBook, first)).toBe(0);

    // The next read finds the order written late; the one never written is let go after a few reads.
    await write(writtenLater);
    await readPromiseBook({ now: later(62) });
    await promiseBookReadSettled();
    const nextBook = await readPromiseBook({ now: later(62) });
    for (const order of [first, started, writtenAtOnce, writtenLater]) {
      expect(countOf(nextBook, order)).toBe(1);
      expect(carriedOf(nextBook, order)).toBe(0);
    }
    expect(carriedOf(nextBook, neverWritten)).toBe(1);
    await readPromiseBook({ now: later(93) });
    await promiseBookReadSettled();
    const lastBook = await readPromiseBook({ now: later(93) });
    expect(countOf(lastBook, neverWritten)).toBe(0);

    // What the book promises on is what a fresh read of the database holds.
    const fresh = await readCheckNetwork({ now: later(93), fresh: true });
    const unitsOf = (jobs: { quantity: number }[]) => jobs.reduce((sum, job) => sum + job.quantity, 0);
    expect(lastBook.carried).toEqual([]);
    expect(unitsOf(lastBook.network.problem.jobs)).toBe(unitsOf(fresh.problem.jobs));
    expect([...lastBook.network.jobs.keys()].sort()).toEqual([...fresh.jobs.keys()].sort());
  });

  it('carries a line promised just before an event dropped the book onto the book read after it', async () => {
    await promise({ now: CHECK_NOW, quantity: 5 }).then(write);
    const pending = await promise({ now: CHECK_NOW, quantity: 30 });
    // Capacity changed elsewhere: the book is dropped before the pending order is written.
    domainEvents.publish('capacity:changed', { workshopIds: [], weeks: [] });
    const after = await promise({ now: CHECK_NOW, quantity: 5 });
    const book = await readPromiseBook({ now: CHECK_NOW });
    expect(carriedOf(book, pending)).toBe(1);
    expect(carriedOf(book, after)).toBe(1);

    await write(pending);
    await write(after);
    await readPromiseBook({ now: later(31) });
    await promiseBookReadSettled();
    const next = await readPromiseBook({ now: later(31) });
    expect(countOf(next, pending)).toBe(1);
    expect(carriedOf(next, pending)).toBe(0);
  });
});
