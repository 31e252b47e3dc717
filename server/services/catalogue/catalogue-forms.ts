import { z } from 'zod';

import { centsOfKesText } from '../../domain/fair-piece-rate';
import { type CollectionInput, type ProductInput } from './catalogue-input';

/**
 * The catalogue's HTML forms, as the routes receive them (every value a string, an unticked box
 * absent), turned into the services' input. Prices are typed in KES ("1,250.50") and kept as
 * cents; material rows are `materials.<n>.name|quantity|unit`, and a row left blank is dropped.
 * The services validate again, so these schemas only convert and name the form's own fields.
 */
const kesAmount = z
  .string({ error: 'enter an amount in KES' })
  .transform(centsOfKesText)
  .refine((cents) => !Number.isNaN(cents), 'must be an amount in KES, e.g. 1250 or 1,250.50');

const wholeNumber = z
  .string({ error: 'is required' })
  .transform((text) => text.replace(/[,\s]/g, ''))
  .refine((text) => /^\d+$/.test(text), 'must be a whole number')
  .transform(Number);

const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined);

/** A material row as typed; a half-filled row goes on to the service, which names what is missing. */
const MaterialRow = z
  .object({
    name: z.string().optional(),
    quantity: z
      .string()
      .optional()
      .refine((text) => text === undefined || /^\d+(\.\d+)?$/.test(text.trim()), 'must be a number, e.g. 12 or 0.5'),
    unit: z.string().optional(),
  })
  .transform(({ name, quantity, unit }) => ({
    name: name ?? '',
    quantity: quantity === undefined ? Number.NaN : Number(quantity),
    unit: unit ?? '',
    blank: name === undefined && quantity === undefined && unit === undefined,
  }));

/** Gathers `materials.<n>.<field>` into rows, keeping each row's number (so errors name it). */
function withMaterialRows(form: unknown): unknown {
  if (typeof form !== 'object' || form === null) return form;
  const rows: Record<string, string>[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    const match = /^materials\.(\d{1,2})\.(name|quantity|unit)$/.exec(key);
    if (!match) rest[key] = value;
    else (rows[Number(match[1])] ??= {})[match[2]] = String(value);
  }
  // NOTE: empty fields never arrive (parseForm drops them), so an unused blank row is a hole here.
  return { ...rest, materials: Array.from(rows, (row) => row ?? {}) };
}

export const ProductForm = z.preprocess(
  withMaterialRows,
  z
    .object({
      sku: z.string({ error: 'give the SKU, e.g. JUA-07' }),
      name: z.string({ error: 'name the product' }),
      collectionId: z.string({ error: 'choose a collection' }),
      requiredSkill: z.string({ error: 'choose the skill' }),
      labourMinutesPerUnit: wholeNumber,
      materials: z.array(MaterialRow),
      pieceRateKes: kesAmount,
      wholesalePriceKes: kesAmount,
      retailPriceKes: kesAmount,
      minimumLot: wholeNumber,
      goldPlated: checkbox,
      active: checkbox,
    })
    .transform(
      ({ pieceRateKes, wholesalePriceKes, retailPriceKes, materials, requiredSkill, ...rest }): ProductInput => ({
        ...rest,
        requiredSkill: requiredSkill as ProductInput['requiredSkill'],
        materials: materials.filter((row) => !row.blank).map(({ name, quantity, unit }) => ({ name, quantity, unit })),
        pieceRateCents: pieceRateKes,
        wholesalePriceCents: wholesalePriceKes,
        retailPriceCents: retailPriceKes,
      }),
    ),
);

export const CollectionForm = z.object({
  name: z.string({ error: 'name the collection' }),
  season: z.string({ error: 'give the season, e.g. SS26' }),
  launchDate: z.string({ error: 'give the launch day' }),
  status: z
    .string()
    .optional()
    .transform((status) => status as CollectionInput['status']),
});
