import { randomBytes } from 'node:crypto';

import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { CHANNEL_KINDS, CHANNEL_NAME_PATTERN } from '../../domain/channel-kinds';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { oneOf } from '../../domain/input-schemas';
import { validateField, validateInput } from '../../domain/validate-input';
import { Channel, type ChannelDoc } from '../../models/channel';
import { recordAuditEvent } from '../audit/record-audit-event';
import { isDuplicateKeyError } from '../duplicate-key';
import { runInTransaction } from '../run-in-transaction';
import { assertMayManageChannels } from './channel-keys';
import { webhookUrlSchema } from './webhook-url';

const ChannelName = z
  .string()
  .trim()
  .regex(CHANNEL_NAME_PATTERN, 'must be lower-case words joined by dashes, like madewell');

export const NewChannelForm = z
  .object({
    name: ChannelName.max(60),
    displayName: z.string().trim().min(1, 'is required').max(120),
    kind: oneOf(CHANNEL_KINDS),
    partner: z.string().trim().min(1).max(80).optional(),
  })
  .superRefine((input, context) => {
    if (input.kind === 'retail-partner' && !input.partner)
      context.addIssue({ code: 'custom', path: ['partner'], message: 'a retail partner’s channel names the partner' });
  });

/** A new sales channel (the web shop, or a retail partner and the name its orders carry). Admins only. */
export async function createChannel({
  actor,
  ...input
}: z.input<typeof NewChannelForm> & { actor: Actor }): Promise<ChannelDoc> {
  const { name, displayName, kind, partner } = validateInput(NewChannelForm, input);
  assertMayManageChannels(actor);
  try {
    return await runInTransaction(async ({ session }) => {
      const [channel] = await Channel.create(
        [{ name, displayName, kind, ...(kind === 'retail-partner' ? { partner } : {}), active: true }],
        { session },
      );
      await recordAuditEvent({
        session,
        actor,
        entity: { kind: 'channel', id: channel._id },
        action: 'channel.created',
        after: { name, displayName, kind, partner },
      });
      return channel.toObject();
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw ValidationError.forField('name', `a channel named ${name} exists already`);
    throw error;
  }
}

/** Sets (or, left empty, removes) where a channel's status webhooks go. Admins only. */
export async function setChannelWebhookUrl({
  actor,
  allowLocalHttp,
  ...input
}: {
  channel: string;
  webhookUrl?: string;
  actor: Actor;
  allowLocalHttp: boolean;
}): Promise<ChannelDoc> {
  const { channel: name, webhookUrl } = validateInput(
    z.object({ channel: ChannelName, webhookUrl: webhookUrlSchema({ allowLocalHttp }).optional() }),
    input,
  );
  assertMayManageChannels(actor);
  return runInTransaction(async ({ session, publishAfterCommit }) => {
    const before = await Channel.findOne({ name }, { webhookUrl: 1 }, { session, lean: true });
    if (!before) throw new NotFoundError('channel', name);
    const updated = await Channel.findOneAndUpdate(
      { _id: before._id },
      webhookUrl ? { $set: { webhookUrl } } : { $unset: { webhookUrl: 1 } },
      { session, lean: true, returnDocument: 'after' },
    );
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'channel', id: before._id },
      action: 'channel.webhook_url_set',
      before: { webhookUrl: before.webhookUrl ?? null },
      after: { webhookUrl: webhookUrl ?? null },
    });
    publishAfterCommit('channel:changed', { channelId: String(before._id), change: 'webhook-url' });
    return updated!;
  });
}

/**
 * A new secret for the channel's webhook signatures, replacing the old one at once (deliveries
 * still waiting are signed with the new one when sent). Returned once: only the channel's
 * receiver should hold it from then on.
 */
export async function rotateWebhookSecret({
  actor,
  ...input
}: {
  channel: string;
  actor: Actor;
}): Promise<{ channel: string; secret: string }> {
  const name = validateField('channel', ChannelName, input.channel);
  assertMayManageChannels(actor);
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  await runInTransaction(async ({ session, publishAfterCommit }) => {
    const channel = await Channel.findOneAndUpdate(
      { name },
      { $set: { webhookSecret: secret } },
      { session, lean: true },
    );
    if (!channel) throw new NotFoundError('channel', name);
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'channel', id: channel._id },
      action: channel.webhookSecret ? 'channel.webhook_secret_rotated' : 'channel.webhook_secret_created',
    });
    publishAfterCommit('channel:changed', { channelId: String(channel._id), change: 'webhook-secret' });
  });
  return { channel: name, secret };
}
