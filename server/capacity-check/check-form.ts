import { z } from 'zod';

import { Product } from '../models/product';
import { CHECK_MODES, MAX_LAUNCH_LINES, type CapacityQuestion } from './check-question';

/**
 * The designer's page sends the question as plain fields (it works without JavaScript):
 * `product1`…`product10` with `quantity1`…`quantity10`, `by` and `mode`. Rows left empty are
 * skipped; a row with only one of its two fields is an error naming that field.
 */
const rowFields = Object.fromEntries(
  Array.from({ length: MAX_LAUNCH_LINES }, (_, i) => [
    [
      `product${i + 1}`,
      z
        .string()
        .regex(/^[0-9a-f]{24}$/i, 'choose a product')
        .optional(),
    ],
    [
      `quantity${i + 1}`,
      z.coerce
        .number({ error: 'must be a number' })
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(100_000, 'must be at most 100,000')
        .optional(),
    ],
  ]).flat(),
) as Record<string, z.ZodOptional<z.ZodString> | z.ZodOptional<z.ZodCoercedNumber>>;

export const CheckForm = z
  .object({
    ...rowFields,
    by: z.string().optional(),
    mode: z.enum(CHECK_MODES, { error: 'must be keep-orders or move-lower-priority' }).default('keep-orders'),
  })
  .superRefine((form, context) => {
    const fields = form as Record<string, unknown>;
    for (let i = 1; i <= MAX_LAUNCH_LINES; i++) {
      const [product, quantity] = [fields[`product${i}`], fields[`quantity${i}`]];
      if (product !== undefined && quantity === undefined)
        context.addIssue({ code: 'custom', path: [`quantity${i}`], message: 'say how many' });
      if (product === undefined && quantity !== undefined)
        context.addIssue({ code: 'custom', path: [`product${i}`], message: 'choose a product' });
    }
  });
export type CheckForm = z.output<typeof CheckForm>;

/** The question a form asks, or null when it names no product and no date yet (a blank page). */
export function questionOfForm(form: CheckForm): CapacityQuestion | null {
  const fields = form as Record<string, unknown>;
  const lines = Array.from({ length: MAX_LAUNCH_LINES }, (_, i) => ({
    productId: fields[`product${i + 1}`] as string | undefined,
    quantity: fields[`quantity${i + 1}`] as number | undefined,
  })).flatMap((line) =>
    line.productId && line.quantity ? [{ productId: line.productId, quantity: line.quantity }] : [],
  );
  if (lines.length === 0 && !form.by) return null;
  // The service names what is missing (no product, no date) as a field error.
  return { lines, by: form.by ?? '', mode: form.mode };
}

/** Filled rows of a form, to show them again (and one more empty row, up to the most allowed). */
export function rowsOfForm(form: CheckForm): { productId: string; quantity: string }[] {
  const fields = form as Record<string, unknown>;
  const rows = Array.from({ length: MAX_LAUNCH_LINES }, (_, i) => ({
    productId: (fields[`product${i + 1}`] as string | undefined) ?? '',
    quantity: fields[`quantity${i + 1}`] === undefined ? '' : String(fields[`quantity${i + 1}`]),
  })).filter((row) => row.productId !== '' || row.quantity !== '');
  const blanks = Math.max(1, 3 - rows.length);
  for (let i = 0; i < blanks && rows.length < MAX_LAUNCH_LINES; i++) rows.push({ productId: '', quantity: '' });
  return rows;
}

/** Active products a designer may ask about, for the page's choices. */
export async function listCheckableProducts(): Promise<{ id: string; sku: string; name: string; skill: string }[]> {
  const products = await Product.find({ active: true }, { sku: 1, name: 1, requiredSkill: 1 }).sort({ sku: 1 }).lean();
  return products.map((product) => ({
    id: String(product._id),
    sku: product.sku,
    name: product.name,
    skill: product.requiredSkill,
  }));
}
