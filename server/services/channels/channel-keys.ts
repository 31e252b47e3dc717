import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { CHANNEL_NAME_PATTERN } from '../../domain/channel-kinds';
import { AuthenticationError, ForbiddenError, NotFoundError } from '../../domain/errors';
import { validateInput } from '../../domain/validate-input';
import { Channel, type ChannelDoc } from '../../models/channel';
import { ChannelKey } from '../../models/channel-key';
import { recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';
import { keyCacheGeneration, rememberedKey, rememberKey, type VerifiedKey } from './channel-key-cache';
import {
  hashChannelKeySecret,
  newChannelKey,
  parseChannelKey,
  type ParsedChannelKey,
  secretMatchesHash,
} from './channel-key-format';

const RevokeChannelKeyInput = z.object({ keyId: z.string().regex(/^[a-f0-9]{16}$/), at: z.date() });

const CreateChannelKeyInput = z.object({
  channel: z.string().regex(CHANNEL_NAME_PATTERN, 'must be a channel name like web-shop'),
  label: z.string().trim().min(1).max(120).optional(),
});

/** Who may issue and revoke keys and set channels up: admins, and the system (the operations CLI). */
export function assertMayManageChannels(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'system')
    throw new ForbiddenError(`a ${actor.role} cannot manage sales channels or their API keys`);
}

/** A key's last use is written at most this often: a busy channel's requests stay one read each. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Issues a key for a channel. The returned `key` is the only time it exists in clear. */
export async function createChannelKey({
  actor,
  ...input
}: z.input<typeof CreateChannelKeyInput> & { actor: Actor }): Promise<{ key: string; keyId: string }> {
  const { channel: name, label } = validateInput(CreateChannelKeyInput, input);
  assertMayManageChannels(actor);
  const channel = await Channel.findOne({ name }).lean();
  if (!channel) throw new NotFoundError('channel', name);
  const { key, keyId, secret } = newChannelKey();
  await runInTransaction(async ({ session }) => {
    await ChannelKey.create(
      [{ channel: channel._id, keyId, secretHash: hashChannelKeySecret({ keyId, secret }), label }],
      { session },
    );
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'channel', id: channel._id },
      action: 'channel.key_created',
      after: { keyId, label },
    });
  });
  return { key, keyId };
}

export async function revokeChannelKey({ actor, ...input }: { keyId: string; at: Date; actor: Actor }): Promise<void> {
  const { keyId, at } = validateInput(RevokeChannelKeyInput, input);
  assertMayManageChannels(actor);
  await runInTransaction(async ({ session, publishAfterCommit }) => {
    const revoked = await ChannelKey.findOneAndUpdate(
      { keyId, revokedAt: { $exists: false } },
      { $set: { revokedAt: at } },
      { session, lean: true, returnDocument: 'after' },
    );
    if (!revoked) throw new NotFoundError('active key', keyId);
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'channel', id: revoked.channel },
      action: 'channel.key_revoked',
      after: { keyId },
      at,
    });
    publishAfterCommit('channel:changed', { channelId: String(revoked.channel), change: 'key-revoked' });
  });
}

/**
 * The active channel a presented key belongs to; an AuthenticationError (401) for a missing,
 * malformed, unknown or revoked key, or a channel switched off. A key verified in the last few
 * seconds is answered from memory (channel-key-cache.ts: revocation empties it at once);
 * otherwise one indexed read of the key and one of its channel.
 */
export async function authenticateChannelKey({ key }: { key: string | undefined }): Promise<ChannelDoc> {
  const parsed = key ? parseChannelKey(key) : null;
  if (!parsed) throw new AuthenticationError('send the channel key as Authorization: Bearer kiw_…');
  // NOTE: the wall clock, not the app's Clock: it records when a real request arrived.
  const now = new Date();
  const secretHash = hashChannelKeySecret(parsed);
  const remembered = rememberedKey({ secretHash, now: now.getTime() });
  const entry = remembered ?? (await verifyChannelKey({ parsed, secretHash, now }));
  if (!entry.lastUsedAt || now.getTime() - entry.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    entry.lastUsedAt = now;
    await ChannelKey.updateOne({ _id: entry.keyRecordId }, { $set: { lastUsedAt: now } });
  }
  return entry.channel;
}

/** Reads and checks a key and its channel, and remembers them once verified. */
async function verifyChannelKey({
  parsed,
  secretHash,
  now,
}: {
  parsed: ParsedChannelKey;
  secretHash: string;
  now: Date;
}): Promise<VerifiedKey> {
  const readAtGeneration = keyCacheGeneration();
  const stored = await ChannelKey.findOne({ keyId: parsed.keyId }).lean();
  if (!stored || !secretMatchesHash({ ...parsed, secretHash: stored.secretHash }))
    throw new AuthenticationError('unknown channel key');
  if (stored.revokedAt) throw new AuthenticationError('this channel key has been revoked');
  const channel = await Channel.findById(stored.channel).lean();
  if (!channel?.active) throw new AuthenticationError('this channel is not active');
  const entry: VerifiedKey = {
    keyRecordId: String(stored._id),
    channel,
    lastUsedAt: stored.lastUsedAt,
    verifiedAt: now.getTime(),
  };
  rememberKey({ secretHash, entry, readAtGeneration });
  return entry;
}
