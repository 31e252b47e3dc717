import { z } from 'zod';

import { calendarDayString } from '../../capacity/calendar-days';
import { type Actor } from '../../domain/actor';
import { COLLECTION_STATUSES } from '../../domain/collection-status';
import { ForbiddenError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { roleMayEnter } from '../../domain/roles';
import { SKILLS } from '../../domain/skills';

/** Money on a product: whole KES cents, at most KES 1,000,000 a unit. */
const priceCents = z
  .number({ error: 'must be an amount in KES' })
  .int('must be whole KES cents')
  .min(0, 'cannot be negative')
  .max(1_000_000_00, 'must be at most KES 1,000,000');

export const MaterialInput = z.object({
  name: z.string().trim().min(1, 'name the material').max(80, 'is longer than 80 characters'),
  quantity: z.number({ error: 'must be a number' }).positive('must be more than 0').max(100_000),
  unit: z.string().trim().min(1, 'give a unit, e.g. g, m, pcs').max(20, 'is longer than 20 characters'),
});

/** A product as designers write it; the same rules for a new product and an edit. */
export const ProductInput = z
  .object({
    sku: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'use letters, digits and single dashes, e.g. JUA-07')
      .max(40, 'is longer than 40 characters'),
    name: z.string().trim().min(2, 'name the product').max(120, 'is longer than 120 characters'),
    collectionId: objectIdString,
    requiredSkill: z.enum(SKILLS, { error: `must be one of ${SKILLS.join(', ')}` }),
    labourMinutesPerUnit: z
      .number({ error: 'must be a number of minutes' })
      .int('must be whole minutes')
      .min(1, 'must be at least 1 minute')
      .max(60 * 40, 'must be at most 2,400 minutes (a 40-hour week)'),
    materials: z.array(MaterialInput).max(20, 'at most 20 materials').default([]),
    pieceRateCents: priceCents.refine((cents) => cents > 0, 'must pay the artisan something'),
    wholesalePriceCents: priceCents,
    retailPriceCents: priceCents,
    minimumLot: z.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(10_000),
    goldPlated: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .refine((product) => product.wholesalePriceCents <= product.retailPriceCents, {
    path: ['wholesalePriceCents'],
    message: 'is above the retail price',
  })
  .refine((product) => product.pieceRateCents <= product.wholesalePriceCents, {
    path: ['pieceRateCents'],
    message: 'is above the wholesale price',
  });

export type ProductInput = z.input<typeof ProductInput>;

export const CollectionInput = z.object({
  name: z.string().trim().min(2, 'name the collection').max(120, 'is longer than 120 characters'),
  season: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(SS|AW|HOL)\d{2}$/, 'must be like SS26, AW26 or HOL26'),
  launchDate: calendarDayString,
  status: z.enum(COLLECTION_STATUSES, { error: `must be one of ${COLLECTION_STATUSES.join(', ')}` }).default('draft'),
});

export type CollectionInput = z.input<typeof CollectionInput>;

/** Designers keep the catalogue; planners and admins may correct it (the design area's roles). */
export function assertMayEditCatalogue(actor: Actor): void {
  if (actor.role === 'system') return;
  if (!roleMayEnter({ role: actor.role, area: 'design' }))
    throw new ForbiddenError('only designers, planners and administrators edit the catalogue');
}
