import { type ChannelDoc } from '../models/channel';
import { RETAIL_PARTNERS } from './customers';
import { type SeededObjectId } from './seeded-ids';

/**
 * The demo's sales channels: the brand's web shop and its two largest retail partners. They have
 * no keys: an admin (or `npm run channel-key -- create --channel <name>`) creates those, since a
 * key is shown only once.
 */
export function generateChannels({ ids, referenceDate }: { ids: SeededObjectId; referenceDate: Date }): ChannelDoc[] {
  const [first, second] = RETAIL_PARTNERS;
  const partners = [first, second].map((partner, index) => ({
    _id: ids('channel', index + 1, referenceDate),
    name: partner.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    displayName: `${partner.name} purchase orders`,
    kind: 'retail-partner' as const,
    partner: partner.name,
    active: true,
    createdAt: referenceDate,
    updatedAt: referenceDate,
  }));
  return [
    {
      _id: ids('channel', 0, referenceDate),
      name: 'web-shop',
      displayName: 'Web shop',
      kind: 'web-shop',
      active: true,
      createdAt: referenceDate,
      updatedAt: referenceDate,
    },
    ...partners,
  ];
}
