import { Types } from 'mongoose';

import { type JobStatus } from '#server/domain/job-status';
import { type JobDoc } from '#server/models/job';

/** A job in any status, as if it had got there; attach it to real order/workshop ids as needed. */
export function makeJob(overrides: Partial<JobDoc> & { workshop: Types.ObjectId; status?: JobStatus }): JobDoc {
  const at = new Date('2026-03-02T06:00:00Z');
  const status = overrides.status ?? 'offered';
  return {
    _id: new Types.ObjectId(),
    order: new Types.ObjectId(),
    orderLine: new Types.ObjectId(),
    product: new Types.ObjectId(),
    skill: 'brass-casting',
    labourMinutesPerUnit: 60,
    pieceRateCents: 100_000,
    quantity: 10,
    passedQuantity: status === 'passed' || status === 'paid' ? 10 : 0,
    failedQuantity: 0,
    dueDate: new Date('2026-03-06T14:00:00Z'),
    plannedWeek: '2026-W10',
    status,
    statusHistory: [{ from: null, to: status, at, by: { role: 'system', label: 'test' } }],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
