import { type Actor } from '../../domain/actor';
import { type ChannelDoc } from '../../models/channel';

/** A channel acting through the API, as the audit trail names it. */
export function channelActor(channel: Pick<ChannelDoc, 'name'>): Actor {
  return { kind: 'system', role: 'system', label: `channel ${channel.name}` };
}
