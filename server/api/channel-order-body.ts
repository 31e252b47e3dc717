import { z } from 'zod';

/**
 * The body of `POST /api/v1/orders` as a channel sends it. The OpenAPI document describes the
 * same shape; the catalogue checks (SKU known, minimum lot, ship-by ahead) come after, in
 * prepareOrder, so that every problem is named in one answer.
 */
export const ChannelOrderBody = z.object({
  externalRef: z.string().trim().min(1, 'is required').max(100),
  customer: z.object({
    name: z.string().trim().min(1, 'is required').max(160),
    store: z.string().trim().min(1).max(160).optional(),
    email: z.email('must be an e-mail address').optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter country code')
      .optional(),
  }),
  shipBy: z.iso.date('must be a date as YYYY-MM-DD').or(z.iso.datetime({ offset: true, message: 'must be a date' })),
  lines: z
    .array(
      z.object({
        sku: z.string().trim().min(1, 'is required').max(60),
        quantity: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1'),
      }),
    )
    .min(1, 'an order needs at least one line')
    .max(200),
  notes: z.string().trim().max(1000).optional(),
});

export type ChannelOrderBody = z.output<typeof ChannelOrderBody>;
