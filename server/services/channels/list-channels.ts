import { type ChannelKind } from '../../domain/channel-kinds';
import { Channel } from '../../models/channel';
import { ChannelKey } from '../../models/channel-key';

export interface ChannelKeyRow {
  keyId: string;
  /** What a key looks like from its start, enough to recognise it: `kiw_<key id>_…`. */
  prefix: string;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ChannelRow {
  id: string;
  name: string;
  displayName: string;
  kind: ChannelKind;
  partner: string | null;
  active: boolean;
  webhookUrl: string | null;
  /** Whether a webhook secret exists; the secret itself is shown only when it is made. */
  hasWebhookSecret: boolean;
  keys: ChannelKeyRow[];
}

/** Every sales channel with its keys (newest first), for the admins' channels page. Never a secret. */
export async function listChannels(): Promise<ChannelRow[]> {
  const [channels, keys] = await Promise.all([
    Channel.find({}, { webhookSecret: 0 }).sort({ kind: -1, displayName: 1 }).lean(),
    ChannelKey.find({}, { secretHash: 0 }).sort({ createdAt: -1 }).lean(),
  ]);
  const secrets = await Channel.find({ webhookSecret: { $exists: true } }, { _id: 1 }).lean();
  const withSecret = new Set(secrets.map((channel) => String(channel._id)));
  return channels.map((channel) => ({
    id: String(channel._id),
    name: channel.name,
    displayName: channel.displayName,
    kind: channel.kind,
    partner: channel.partner ?? null,
    active: channel.active,
    webhookUrl: channel.webhookUrl ?? null,
    hasWebhookSecret: withSecret.has(String(channel._id)),
    keys: keys
      .filter((key) => key.channel.equals(channel._id))
      .map((key) => ({
        keyId: key.keyId,
        prefix: `kiw_${key.keyId}_…`,
        label: key.label ?? null,
        createdAt: key.createdAt,
        lastUsedAt: key.lastUsedAt ?? null,
        revokedAt: key.revokedAt ?? null,
      })),
  }));
}
