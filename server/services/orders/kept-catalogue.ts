import { Types } from 'mongoose';

import { cachedReadModel } from '../../dashboard/read-model-cache';
import { Product, type ProductDoc } from '../../models/product';

/**
 * The catalogue as order intake checks and promises lines against it, kept in memory: channels
 * send many orders a second and the catalogue changes a few times a day, so reading the products
 * of every order's lines was one database round trip per order for the same few dozen products.
 *
 * Saving a product publishes `product:saved` after its commit, which drops the kept catalogue in
 * every app process (the event relay carries it with REDIS_URL); a read under way when the event
 * came is not kept (the read-model cache's generation check). A line
 * naming a product the kept catalogue lacks is read from the database as before: an unknown SKU
 * is answered from there, and a product written without the event (seeding) is found, and drops
 * the kept catalogue so that the next order reads it afresh.
 *
 * NOTE: the age limit is the backstop for a change no app process hears of (the seed CLI run
 * against a database a server is using, an event lost while Redis restarts).
 */
interface KeptCatalogue {
  byId: Map<string, ProductDoc>;
  bySku: Map<string, ProductDoc>;
}

async function readCatalogue(): Promise<KeptCatalogue> {
  const products = await Product.find({}).lean();
  return {
    byId: new Map(products.map((product) => [String(product._id), product])),
    bySku: new Map(products.map((product) => [product.sku, product])),
  };
}

/** One catalogue for the whole process, so every order shares one key. */
const keptCatalogue = cachedReadModel<void, KeptCatalogue>({
  name: 'intake-catalogue',
  invalidatedBy: ['product:saved'],
  maxAgeMs: 60_000,
  keyOf: () => 'catalogue',
  compute: readCatalogue,
  maxKept: 1,
});

export interface LineNamingProduct {
  productId?: string;
  sku?: string;
}

/** The products `lines` name (by id or SKU), each once; a name no product has is left out. */
export async function productsNamedByLines(lines: readonly LineNamingProduct[]): Promise<ProductDoc[]> {
  const catalogue = await keptCatalogue();
  const found = new Map<string, ProductDoc>();
  for (const line of lines) {
    const product = line.productId ? catalogue.byId.get(line.productId) : catalogue.bySku.get(line.sku ?? '');
    if (!product) return readProductsNamed(lines, catalogue);
    found.set(String(product._id), product);
  }
  return [...found.values()];
}

/** The database's answer, for lines naming a product the kept catalogue lacks. */
async function readProductsNamed(lines: readonly LineNamingProduct[], catalogue: KeptCatalogue) {
  const ids = lines.flatMap((line) => (line.productId ? [new Types.ObjectId(line.productId)] : []));
  const skus = lines.flatMap((line) => (line.sku ? [line.sku] : []));
  const products = await Product.find({ $or: [{ _id: { $in: ids } }, { sku: { $in: skus } }] }).lean();
  if (products.some((product) => !catalogue.byId.has(String(product._id)))) keptCatalogue.clear();
  return products;
}
