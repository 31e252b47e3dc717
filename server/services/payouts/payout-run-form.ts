import { z } from 'zod';

import { objectIdString } from '../../domain/input-schemas';

/** What a manager may do on a run's page: approve or cancel it, or retry one failed payout. */
export const PayoutRunForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve') }),
  z.object({ intent: z.literal('cancel') }),
  z.object({ intent: z.literal('retry'), payoutId: objectIdString }),
]);

export const PayoutRunParams = z.object({ runId: objectIdString });
