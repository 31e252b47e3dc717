import { type QueryFilter, Types } from 'mongoose';
import { z } from 'zod';

import { type CollectionStatus } from '../../domain/collection-status';
import { NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { clampPage, pageNumber } from '../../domain/paging';
import { SKILLS } from '../../domain/skills';
import { nairobiDateString } from '../../domain/weeks';
import { ProductCollection } from '../../models/collection';
import { Product, type ProductDoc } from '../../models/product';

export const PRODUCT_PAGE_SIZES = [25, 50, 100] as const;

/** The catalogue table's URL: filters and page. */
export const ProductListQuery = z.object({
  collection: objectIdString.optional(),
  skill: z.enum(SKILLS, { error: `must be one of ${SKILLS.join(', ')}` }).optional(),
  state: z.enum(['active', 'inactive', 'all'], { error: 'must be active, inactive or all' }).default('active'),
  /** Part of the SKU or the name. */
  q: z.string().max(60, 'is longer than 60 characters').optional(),
  page: pageNumber,
  pageSize: z.coerce
    .number()
    .refine(
      (size) => (PRODUCT_PAGE_SIZES as readonly number[]).includes(size),
      `must be one of ${PRODUCT_PAGE_SIZES.join(', ')}`,
    )
    .default(25),
});

export type ProductListQuery = z.output<typeof ProductListQuery>;

/** A product as the catalogue lists it: the stored fields, its id and its collection's name. */
export type ProductRow = Pick<
  ProductDoc,
  | 'sku'
  | 'name'
  | 'requiredSkill'
  | 'labourMinutesPerUnit'
  | 'materials'
  | 'pieceRateCents'
  | 'wholesalePriceCents'
  | 'retailPriceCents'
  | 'minimumLot'
  | 'goldPlated'
  | 'active'
> & { id: string; collectionId: string; collectionName: string };

export interface CollectionRow {
  id: string;
  name: string;
  season: string;
  designer: string;
  /** Nairobi day, "YYYY-MM-DD". */
  launchDate: string;
  status: CollectionStatus;
  products: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toProductRow(product: ProductDoc, collectionNames: Map<string, string>): ProductRow {
  return {
    id: String(product._id),
    sku: product.sku,
    name: product.name,
    collectionId: String(product.collectionRef),
    collectionName: collectionNames.get(String(product.collectionRef)) ?? '—',
    requiredSkill: product.requiredSkill,
    labourMinutesPerUnit: product.labourMinutesPerUnit,
    materials: (product.materials ?? []).map(({ name, quantity, unit }) => ({ name, quantity, unit })),
    pieceRateCents: product.pieceRateCents,
    wholesalePriceCents: product.wholesalePriceCents,
    retailPriceCents: product.retailPriceCents,
    minimumLot: product.minimumLot,
    goldPlated: product.goldPlated,
    active: product.active,
  };
}

/** Every collection, newest launch first, with how many products each holds. */
export async function listCollections(): Promise<CollectionRow[]> {
  const [collections, counts] = await Promise.all([
    ProductCollection.find({}).sort({ launchDate: -1, _id: -1 }).lean(),
    Product.aggregate<{ _id: Types.ObjectId; products: number }>([
      { $group: { _id: '$collectionRef', products: { $sum: 1 } } },
    ]),
  ]);
  const countOf = new Map(counts.map((count) => [String(count._id), count.products]));
  return collections.map((collection) => ({
    id: String(collection._id),
    name: collection.name,
    season: collection.season,
    designer: collection.designer,
    launchDate: nairobiDateString(collection.launchDate),
    status: collection.status,
    products: countOf.get(String(collection._id)) ?? 0,
  }));
}

/** One page of the catalogue: filtered, sorted by SKU, counted and limited in the database. */
export async function listProducts({ query }: { query: ProductListQuery }) {
  const filter: QueryFilter<ProductDoc> = {};
  if (query.collection) filter.collectionRef = new Types.ObjectId(query.collection);
  if (query.skill) filter.requiredSkill = query.skill;
  if (query.state !== 'all') filter.active = query.state === 'active';
  if (query.q) {
    const pattern = new RegExp(escapeRegExp(query.q), 'i');
    filter.$or = [{ sku: pattern }, { name: pattern }];
  }
  const [total, collections] = await Promise.all([
    Product.countDocuments(filter),
    ProductCollection.find({}, { name: 1 }).lean(),
  ]);
  const { page, pageCount, skip } = clampPage({ page: query.page, total, pageSize: query.pageSize });
  const products = await Product.find(filter).sort({ sku: 1, _id: 1 }).skip(skip).limit(query.pageSize).lean();
  const names = new Map(collections.map((collection) => [String(collection._id), collection.name]));
  return {
    rows: products.map((product) => toProductRow(product, names)),
    total,
    page,
    pageCount,
    pageSize: query.pageSize,
  };
}

/** One product as its edit form shows it. */
export async function readProduct({ productId }: { productId: string }): Promise<ProductRow> {
  const product = await Product.findById(productId).lean();
  if (!product) throw new NotFoundError('product', productId);
  const collection = await ProductCollection.findById(product.collectionRef, { name: 1 }).lean();
  return toProductRow(product, new Map(collection ? [[String(collection._id), collection.name]] : []));
}

/** One collection as its edit form shows it. */
export async function readCollection({ collectionId }: { collectionId: string }): Promise<CollectionRow> {
  const collection = await ProductCollection.findById(collectionId).lean();
  if (!collection) throw new NotFoundError('collection', collectionId);
  return {
    id: String(collection._id),
    name: collection.name,
    season: collection.season,
    designer: collection.designer,
    launchDate: nairobiDateString(collection.launchDate),
    status: collection.status,
    products: await Product.countDocuments({ collectionRef: collection._id }),
  };
}
