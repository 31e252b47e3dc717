import { z } from 'zod';

import { CHANNEL_KINDS } from '../../domain/channel-kinds';
import { oneOf } from '../../domain/input-schemas';

/**
 * The forms of the admins' channels page, told apart by their `intent`. Each service validates
 * its own input again; this only reads what the page sent.
 */
export const ChannelsPageForm = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('create-channel'),
    name: z.string(),
    displayName: z.string(),
    kind: oneOf(CHANNEL_KINDS),
    partner: z.string().optional(),
  }),
  z.object({ intent: z.literal('create-key'), channel: z.string(), label: z.string().optional() }),
  z.object({
    intent: z.literal('revoke-key'),
    keyId: z.string(),
    confirm: z.literal('yes', { error: 'tick the box to confirm: whatever uses this key is refused at once' }),
  }),
  z.object({ intent: z.literal('set-webhook'), channel: z.string(), webhookUrl: z.string().optional() }),
  z.object({ intent: z.literal('rotate-secret'), channel: z.string() }),
]);
export type ChannelsPageForm = z.output<typeof ChannelsPageForm>;
