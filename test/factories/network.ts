import { Types } from 'mongoose';

import { type Skill } from '#server/domain/skills';
import { type ArtisanDoc } from '#server/models/artisan';
import { type CollectionDoc } from '#server/models/collection';
import { type ProductDoc } from '#server/models/product';
import { type WorkshopDoc } from '#server/models/workshop';

/** Plain-object factories with sensible defaults; pass only what a test cares about. */
let sequence = 0;
const next = () => ++sequence;
const at = new Date('2026-01-05T06:00:00Z');

export function makeWorkshop(overrides: Partial<WorkshopDoc> = {}): WorkshopDoc {
  const n = next();
  return {
    _id: new Types.ObjectId(),
    code: `KIB-${String(n % 1000).padStart(3, '0')}`,
    name: `Tumaini Artisans ${n}`,
    area: 'Kibera',
    location: { lat: -1.3133, lng: 36.7879 },
    skills: ['brass-casting'],
    phone: `+2547${String(10_000_000 + n).slice(-8)}`,
    active: true,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function makeArtisan(overrides: Partial<ArtisanDoc> & { workshop: Types.ObjectId }): ArtisanDoc {
  const n = next();
  return {
    _id: new Types.ObjectId(),
    name: `Wanjiku Kamau ${n}`,
    gender: 'female',
    phone: `+2541${n % 2}${String(1_000_000 + n).slice(-7)}`,
    skills: ['brass-casting'] as Skill[],
    weeklyHours: 25,
    joinedAt: at,
    status: 'active',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function makeCollection(overrides: Partial<CollectionDoc> = {}): CollectionDoc {
  const n = next();
  return {
    _id: new Types.ObjectId(),
    name: `Jua ${n}`,
    season: 'SS26',
    designer: 'Wanjiru Kamau',
    launchDate: at,
    products: [],
    status: 'launched',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function makeProduct(overrides: Partial<ProductDoc> & { collectionRef: Types.ObjectId }): ProductDoc {
  const n = next();
  return {
    _id: new Types.ObjectId(),
    sku: `JUA-${String(n).padStart(3, '0')}`,
    name: `Jua Hoops ${n}`,
    requiredSkill: 'brass-casting',
    labourMinutesPerUnit: 60,
    materials: [{ name: 'Recycled brass', quantity: 18, unit: 'g' }],
    pieceRateCents: 100_000,
    wholesalePriceCents: 325_000,
    retailPriceCents: 650_000,
    minimumLot: 12,
    goldPlated: true,
    active: true,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
