import { type Types } from 'mongoose';

import { type Skill } from '../domain/skills';
import { shiftInNairobi } from '../domain/weeks';
import { type CollectionDoc } from '../models/collection';
import { type ProductDoc, type ProductMaterial } from '../models/product';
import { COLLECTION_TEMPLATES } from './catalogue-designs';
import { type Random } from './random';
import { type SeededObjectId } from './seeded-ids';

/** Share of the retail price paid to the artisan per unit: what the brand reports for its makers. */
export const PIECE_RATE_SHARE_OF_RETAIL = { min: 0.14, max: 0.19 } as const;
/** Retail partners buy at about half the retail price. */
export const WHOLESALE_SHARE_OF_RETAIL = 0.5;

export interface GeneratedCatalogue {
  collections: CollectionDoc[];
  products: ProductDoc[];
}

function roundKesToCents(kes: number, step: number): number {
  return Math.round(kes / step) * step * 100;
}

function minimumLotFor(retailKes: number): number {
  if (retailKes < 5_000) return 24;
  if (retailKes < 8_000) return 12;
  return 6;
}

/**
 * What a unit of each skill's designs typically takes. NOTE: no random draw here, so adding
 * materials left every other generated figure of a seed as it was.
 */
const SKILL_MATERIALS: Record<Skill, ProductMaterial[]> = {
  'brass-casting': [{ name: 'Recycled brass', quantity: 18, unit: 'g' }],
  'brass-forming': [{ name: 'Brass sheet', quantity: 12, unit: 'g' }],
  'recycled-brass-finishing': [{ name: 'Recycled brass', quantity: 10, unit: 'g' }],
  'horn-carving': [{ name: 'Ankole cattle horn', quantity: 25, unit: 'g' }],
  'bone-carving': [{ name: 'Cattle bone', quantity: 20, unit: 'g' }],
  'wood-turning': [{ name: 'Reclaimed mahogany', quantity: 40, unit: 'g' }],
  'ceramic-beads': [{ name: 'Kazuri clay beads', quantity: 24, unit: 'pcs' }],
  'beading-wire-work': [
    { name: 'Glass seed beads', quantity: 6, unit: 'g' },
    { name: 'Brass wire', quantity: 0.5, unit: 'm' },
  ],
};

function materialsFor(skill: Skill): ProductMaterial[] {
  return SKILL_MATERIALS[skill].map((material) => ({ ...material }));
}

export function generateCatalogue({
  random,
  ids,
  referenceDate,
  designerUserId,
}: {
  random: Random;
  ids: SeededObjectId;
  referenceDate: Date;
  designerUserId: Types.ObjectId;
}): GeneratedCatalogue {
  const collections: CollectionDoc[] = [];
  const products: ProductDoc[] = [];
  COLLECTION_TEMPLATES.forEach((template, collectionIndex) => {
    const launchDate = shiftInNairobi({ from: referenceDate, weeks: -template.launchedWeeksAgo });
    const createdAt = shiftInNairobi({ from: launchDate, weeks: -8 });
    const collectionId = ids('collection', collectionIndex, createdAt);
    const productIds = template.designs.map((design, designIndex) => {
      const share = random.between(PIECE_RATE_SHARE_OF_RETAIL.min, PIECE_RATE_SHARE_OF_RETAIL.max);
      const product: ProductDoc = {
        _id: ids('product', products.length, createdAt),
        sku: `${template.code}-${String(designIndex + 1).padStart(2, '0')}`,
        name: design.name,
        collectionRef: collectionId,
        requiredSkill: design.skill,
        labourMinutesPerUnit: design.minutes,
        materials: materialsFor(design.skill),
        pieceRateCents: roundKesToCents(design.retailKes * share, 10),
        wholesalePriceCents: roundKesToCents(design.retailKes * WHOLESALE_SHARE_OF_RETAIL, 50),
        retailPriceCents: design.retailKes * 100,
        minimumLot: minimumLotFor(design.retailKes),
        goldPlated: design.goldPlated,
        active: true,
        createdAt,
        updatedAt: createdAt,
      };
      products.push(product);
      return product._id;
    });
    collections.push({
      _id: collectionId,
      name: template.name,
      season: template.season,
      designer: template.designer,
      ...(template.designer === 'Wanjiru Kamau' ? { designerUser: designerUserId } : {}),
      launchDate,
      products: productIds,
      status: template.status,
      createdAt,
      updatedAt: template.status === 'launched' ? launchDate : createdAt,
    });
  });
  return { collections, products };
}
