import { z } from 'zod';

/**
 * The phone routes' input schemas, kept in a server-only module: a schema built at the top of a
 * route module would stay in its browser script (building one is a call the bundler must keep),
 * and with it zod, which a phone on a slow network should not download.
 */

export const InspectionParams = z.object({ jobId: z.string().regex(/^[0-9a-f]{24}$/, 'is not a job id') });

export const AvailabilityForm = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('declare'),
    from: z.string({ error: 'choose the first day away' }),
    to: z.string({ error: 'choose the last day away' }),
    reason: z.string().optional(),
  }),
  z.object({ intent: z.literal('cancel'), absenceId: z.string({ error: 'choose the days away to cancel' }) }),
]);
