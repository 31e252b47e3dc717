import { Artisan, Channel, Product, ProductCollection, Workshop } from '#server/models/index';
import { type ProductDoc } from '#server/models/product';

import { makeArtisan, makeCollection, makeProduct, makeWorkshop } from '../../factories/network';

/**
 * A small network for HQ's order pages: one brass workshop with two artisans, two products
 * (brass hoops of 55 minutes, minimum lot 12; horn cuffs nobody can make, minimum lot 6) and a
 * retail partner's channel with a webhook URL, so its orders' status webhooks are queued.
 */
export async function buildOrderEntryNetwork(): Promise<{
  hoops: ProductDoc;
  cuff: ProductDoc;
  channelId: string;
}> {
  const workshop = await Workshop.create(makeWorkshop({ skills: ['brass-casting'] }));
  await Artisan.create([makeArtisan({ workshop: workshop._id }), makeArtisan({ workshop: workshop._id })]);
  const collection = await ProductCollection.create(makeCollection());
  const [hoops, cuff] = await Product.create([
    makeProduct({ sku: 'JUA-HOOP-BR', collectionRef: collection._id, labourMinutesPerUnit: 55, minimumLot: 12 }),
    makeProduct({
      sku: 'PEMBE-CUFF',
      collectionRef: collection._id,
      requiredSkill: 'horn-carving',
      labourMinutesPerUnit: 140,
      minimumLot: 6,
    }),
  ]);
  const [channel] = await Channel.create([
    {
      name: 'madewell',
      displayName: 'Madewell purchase orders',
      kind: 'retail-partner',
      partner: 'Madewell',
      webhookUrl: 'http://127.0.0.1:9/hooks',
      webhookSecret: 'whsec_test_order_entry',
    },
  ]);
  return { hoops: hoops.toObject(), cuff: cuff.toObject(), channelId: String(channel._id) };
}
