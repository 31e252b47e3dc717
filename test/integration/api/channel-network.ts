import { SYSTEM_ACTOR } from '#server/domain/actor';
import { Artisan, Channel, ProductCollection, Product, Workshop } from '#server/models/index';
import { type ProductDoc } from '#server/models/product';
import { createChannelKey } from '#server/services/channels/channel-keys';

import { makeArtisan, makeCollection, makeProduct, makeWorkshop } from '../../factories/network';

/**
 * A small network for the channels' API: one brass workshop with two artisans (25 h a week
 * each), one product of 55 minutes (minimum lot 12), the web shop and a retail partner, each
 * with a key.
 */
export async function buildChannelNetwork(): Promise<{
  hoops: ProductDoc;
  webKey: string;
  partnerKey: string;
}> {
  const workshop = await Workshop.create(makeWorkshop({ skills: ['brass-casting'] }));
  await Artisan.create([makeArtisan({ workshop: workshop._id }), makeArtisan({ workshop: workshop._id })]);
  const collection = await ProductCollection.create(makeCollection());
  const hoops = (
    await Product.create(
      makeProduct({ sku: 'JUA-HOOP-BR', collectionRef: collection._id, labourMinutesPerUnit: 55, minimumLot: 12 }),
    )
  ).toObject();
  await Channel.create([
    { name: 'web-shop', displayName: 'Web shop', kind: 'web-shop' },
    { name: 'madewell', displayName: 'Madewell purchase orders', kind: 'retail-partner', partner: 'Madewell' },
  ]);
  const actor = { ...SYSTEM_ACTOR, label: 'test' };
  const { key: webKey } = await createChannelKey({ channel: 'web-shop', actor });
  const { key: partnerKey } = await createChannelKey({ channel: 'madewell', actor });
  return { hoops, webKey, partnerKey };
}
