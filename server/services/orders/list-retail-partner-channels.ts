import { Channel } from '../../models/channel';

/** The active retail partners' channels, whose purchase orders HQ may import: id and the partner's name. */
export async function listRetailPartnerChannels(): Promise<{ id: string; partner: string; displayName: string }[]> {
  const channels = await Channel.find({ kind: 'retail-partner', active: true }, { partner: 1, displayName: 1 })
    .sort({ partner: 1 })
    .lean();
  return channels.map((channel) => ({
    id: String(channel._id),
    partner: channel.partner ?? channel.displayName,
    displayName: channel.displayName,
  }));
}
