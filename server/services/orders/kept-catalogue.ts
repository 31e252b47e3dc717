import { Types } from 'mongoose';

import { keepsReadState } from '../../dashboard/read-model-cache';
import { domainEvents } from '../../domain-events';
import { Product, type ProductDoc } from '../../models/product';

/**
 * The catalogue as order intake checks and promises lines against it, kept in memory: channels
 * send many orders a second and the catalogue changes a few times a day, so reading the products
 * of every order's lines was one database round trip per order for the same few dozen products.
 *
 * Saving a product publishes `product:saved` after its commit, which drops the kept catalogue in
 * every app process (the event relay carries it with REDIS_URL); a read under way when the event
 * came is not kept (the generation check), so it cannot bring back what the event dropped. A line
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
  readAt: number;
}

const MAX_AGE_MS = 60_000;

let kept: KeptCatalogue | null = null;
let reading: Promise<KeptCatalogue> | null = null;
let generation = 0;
let watching = false;

function forgetCatalogue(): void {
  generation += 1;
  kept = null;
  reading = null;
}

function watchForChanges(): void {
  if (watching) return;
  watching = true;
  domainEvents.subscribe('product:saved', forgetCatalogue);
  keepsReadState(forgetCatalogue);
}

async function readCatalogue(now: number): Promise<KeptCatalogue> {
  const readAtGeneration = generation;
  const products = await Product.find({}).lean();
  const catalogue: KeptCatalogue = {
    byId: new Map(products.map((product) => [String(product._id), product])),
    bySku: new Map(products.map((product) => [product.sku, product])),
    readAt: now,
  };
  if (readAtGeneration === generation) kept = catalogue;
  return catalogue;
}

function keptCatalogue(now: number): Promise<KeptCatalogue> {
  watchForChanges();
  if (kept && now - kept.readAt < MAX_AGE_MS) return Promise.resolve(kept);
  if (!reading) {
    const started = readCatalogue(now).finally(() => {
      if (reading === started) reading = null;
    });
    reading = started;
  }
  return reading;
}

export interface LineNamingProduct {
  productId?: string;
  sku?: string;
}

/** The products `lines` name (by id or SKU), each once; a name no product has is left out. */
export async function productsNamedByLines(lines: readonly LineNamingProduct[]): Promise<ProductDoc[]> {
  const catalogue = await keptCatalogue(Date.now());
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
  if (products.some((product) => !catalogue.byId.has(String(product._id))) && kept === catalogue) forgetCatalogue();
  return products;
}
