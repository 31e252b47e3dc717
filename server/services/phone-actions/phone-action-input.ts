import { z } from 'zod';

import { DECLINE_REASONS } from '../../domain/decline-reasons';
import { DEFECT_REASONS } from '../../domain/defect-reasons';
import { objectIdString } from '../../domain/input-schemas';

/** A phone-made id: long enough to be unique, plain enough for a form field and a URL. */
export const actionIdString = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16 to 64 letters, digits, - or _');

const count = z.coerce.number().int('must be a whole number').min(0, 'cannot be below 0');

/**
 * The actions phones send, one shape each. Quantities are coerced because they arrive as form
 * fields, whether posted by a page without JavaScript or replayed from the offline queue.
 */
export const PhoneActionInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accept'), jobId: objectIdString, artisanId: objectIdString.optional() }),
  z.object({ kind: z.literal('decline'), jobId: objectIdString, reason: z.enum(DECLINE_REASONS) }),
  z.object({ kind: z.literal('progress'), jobId: objectIdString, madeQuantity: count }),
  z.object({ kind: z.literal('ready'), jobId: objectIdString }),
  z.object({ kind: z.literal('share'), jobId: objectIdString, artisanId: objectIdString }),
  z.object({
    kind: z.literal('inspection'),
    jobId: objectIdString,
    passedQuantity: count,
    failedQuantity: count,
    defects: z.array(z.object({ reason: z.enum(DEFECT_REASONS), quantity: count.min(1) })).default([]),
    notes: z.string().trim().max(1_000).optional(),
  }),
]);

export type PhoneActionInput = z.output<typeof PhoneActionInput>;
