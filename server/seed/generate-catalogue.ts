import { type Types } from 'mongoose';

import { type Skill } from '../domain/skills';
import { shiftInNairobi } from '../domain/weeks';
import { type CollectionDoc } from '../models/collection';
import { type ProductDoc, type ProductMaterial } from '../models/product';
import { COLLECTION_TEMPLATES } from './catalogue-designs';
import { type Random } from './random';
import { type SeededObjectId } from './seeded-ids';

/**
 * What an hour of each technique pays, in KES, before each design's own spread: piece rates are
 * set against the labour minutes, so an hour of work earns around and mostly above the minimum
 * wage (about KES 77 an hour at a 48-hour week) and the better-paid techniques (casting, horn)
 * reach the living wage (about KES 171 an hour). See server/domain/reference-wages.ts.
 */
export const HOURLY_KES_BY_SKILL: Record<Skill, number> = {
  'brass-casting': 155,
  'brass-forming': 140,
  'recycled-brass-finishing': 115,
  'horn-carving': 170,
  'bone-carving': 125,
  'wood-turning': 85,
  'ceramic-beads': 95,
  'beading-wire-work': 80,
};
/** Each design pays between these multiples of its technique's hourly figure. */
export const DESIGN_HOURLY_SPREAD = { min: 0.75, max: 1.4 } as const;
/**
 * The makers' share of the wholesale price: the brand prices each design so that the piece rate
 * is this share of what a retail partner pays (its target for makers is 20–35 % of revenue;
 * web-shop sales at retail prices bring the blended share down toward the low end).
 */
export const MAKERS_SHARE_OF_WHOLESALE = { min: 0.27, max: 0.33 } as const;
/** Retail partners buy at about half the retail price. */
export const WHOLESALE_SHARE_OF_RETAIL = 0.5;

export interface GeneratedCatalogue {
  collections: CollectionDoc[];
  products: ProductDoc[];
}

function roundKesToCents(kes: number, step: number): number {
  return Math.round(kes / step) * step * 100;
}

/** A lot is worth a workshop's while: about two days of one artisan's work at least. */
function minimumLotFor(labourMinutes: number): number {
  if (labourMinutes <= 50) return 24;
  if (labourMinutes <= 90) return 12;
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
      const hourlyKes =
        HOURLY_KES_BY_SKILL[design.skill] * random.between(DESIGN_HOURLY_SPREAD.min, DESIGN_HOURLY_SPREAD.max);
      const pieceRateKes = (hourlyKes * design.minutes) / 60;
      const wholesaleKes = pieceRateKes / random.between(MAKERS_SHARE_OF_WHOLESALE.min, MAKERS_SHARE_OF_WHOLESALE.max);
      const product: ProductDoc = {
        _id: ids('product', products.length, createdAt),
        sku: `${template.code}-${String(designIndex + 1).padStart(2, '0')}`,
        name: design.name,
        collectionRef: collectionId,
        requiredSkill: design.skill,
        labourMinutesPerUnit: design.minutes,
        materials: materialsFor(design.skill),
        pieceRateCents: roundKesToCents(pieceRateKes, 5),
        wholesalePriceCents: roundKesToCents(wholesaleKes, 10),
        retailPriceCents: roundKesToCents(wholesaleKes / WHOLESALE_SHARE_OF_RETAIL, 50),
        minimumLot: minimumLotFor(design.minutes),
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
