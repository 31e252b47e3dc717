import { z } from 'zod';

/**
 * The parts of Shopify's order webhook payload (orders/create, orders/cancelled: the REST Order
 * resource) that Kiwanda reads. Everything else in the payload is accepted and left alone.
 *
 * NOTE: Shopify's numeric ids (820982911946154508) are beyond JavaScript's exact integers, so the
 * order is known by its name (#1001) and its `admin_graphql_api_id` string, never by `id`.
 */
const address = z
  .object({
    name: z.string().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    country_code: z.string().nullish(),
  })
  .nullish();

export const ShopifyOrderPayload = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  admin_graphql_api_id: z.string().max(100).nullish(),
  created_at: z.string().nullish(),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  note: z.string().nullish(),
  cancel_reason: z.string().nullish(),
  customer: z
    .object({ first_name: z.string().nullish(), last_name: z.string().nullish(), email: z.string().nullish() })
    .nullish(),
  shipping_address: address,
  billing_address: address,
  line_items: z
    .array(
      z.object({
        sku: z.string().nullish(),
        title: z.string().max(300),
        name: z.string().nullish(),
        quantity: z.number().int().min(0),
      }),
    )
    .max(500),
});
export type ShopifyOrderPayload = z.output<typeof ShopifyOrderPayload>;

/** Who ordered, as Kiwanda records a customer (the ship-to person first: that is who gets the piece). */
export function shopifyCustomer(payload: ShopifyOrderPayload): { name: string; email?: string; country?: string } {
  const personOf = (who: { first_name?: string | null; last_name?: string | null } | null | undefined) =>
    [who?.first_name, who?.last_name].filter(Boolean).join(' ');
  const name =
    payload.shipping_address?.name ||
    personOf(payload.shipping_address) ||
    personOf(payload.customer) ||
    payload.billing_address?.name ||
    `Shopify customer of ${payload.name}`;
  const email = payload.contact_email || payload.email || payload.customer?.email || undefined;
  const country = payload.shipping_address?.country_code || payload.billing_address?.country_code || undefined;
  return {
    name: name.slice(0, 160),
    ...(email && z.email().safeParse(email).success ? { email } : {}),
    ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
  };
}
