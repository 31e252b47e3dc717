import { describe, expect, it } from 'vitest';

import { type JobStatus } from '#server/domain/job-status';
import { domainEvents } from '#server/domain-events';
import { Job } from '#server/models/index';
import { readCoveredUnits, readKeptCoveredUnits } from '#server/services/orders/covered-units';

import { seedHandNetworkForEachTest } from '../dashboard/hand-network';

/**
 * What jobs cover is kept between reads of open demand and dropped only by what changes jobs:
 * a new order, many a second from the channels, has no jobs and leaves it as it was.
 */
describe('order lines covered by jobs, kept between reads', () => {
  const network = seedHandNetworkForEachTest();
  const since = '2026-W01';

  /** J1 (accepted, 8 units) moved to `to`, as the job services announce it. */
  const publishJ1Moved = (to: JobStatus) => {
    const { j1 } = network().jobs;
    domainEvents.publish('job:status', {
      jobId: String(j1._id),
      orderId: String(network().orders.o2._id),
      workshopId: String(j1.workshop),
      artisanId: String(j1.artisan),
      from: 'accepted',
      to,
      week: '2026-W10',
    });
  };

  it('keeps the coverage through new orders and drops it when a job stops holding time', async () => {
    const { j1 } = network().jobs;
    const line = String(j1.orderLine);
    expect((await readKeptCoveredUnits(since)).get(line)).toBe(8);

    // Declined without its event yet: the kept coverage is still the one read.
    await Job.updateOne({ _id: j1._id }, { $set: { status: 'declined' } });
    expect((await readCoveredUnits(since)).get(line)).toBeUndefined();
    domainEvents.publish('order:created', {
      orderId: String(network().orders.o1._id),
      source: 'web',
      shipByWeek: '2026-W12',
      units: 3,
    });
    expect((await readKeptCoveredUnits(since)).get(line)).toBe(8);

    publishJ1Moved('declined');
    expect((await readKeptCoveredUnits(since)).get(line)).toBeUndefined();
  });

  it('keeps the coverage through a move that holds time on both sides', async () => {
    const { j1 } = network().jobs;
    const line = String(j1.orderLine);
    expect((await readKeptCoveredUnits(since)).get(line)).toBe(8);
    await Job.updateOne({ _id: j1._id }, { $set: { quantity: 3 } });
    publishJ1Moved('in_progress');
    expect((await readKeptCoveredUnits(since)).get(line)).toBe(8);
    domainEvents.publish('capacity:changed', { workshopIds: [String(j1.workshop)], weeks: ['2026-W10'] });
    expect((await readKeptCoveredUnits(since)).get(line)).toBe(3);
  });
});
