import { model, type Model, Schema, type Types } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** What Kiwanda did with a Shopify webhook (see server/integrations/shopify/receive-shopify-webhook.ts). */
export const SHOPIFY_WEBHOOK_OUTCOMES = [
  'order-created',
  'order-cancelled',
  'nothing-to-make',
  'refused',
  'unknown-order',
  'ignored',
] as const;
export type ShopifyWebhookOutcome = (typeof SHOPIFY_WEBHOOK_OUTCOMES)[number];

/**
 * Every Shopify webhook Kiwanda accepted, by Shopify's own delivery id (X-Shopify-Webhook-Id):
 * Shopify sends a webhook again when it is unsure the first arrived, and the unique index makes
 * the second one a no-op. Kept with its outcome, so nothing a shop sends vanishes unexplained.
 */
export interface ShopifyWebhookDoc {
  _id: Types.ObjectId;
  webhookId: string;
  topic: string;
  shopDomain: string;
  triggeredAt?: Date;
  /** Shopify's order name (#1001) and id, as the payload gave them. */
  shopifyOrder?: { name: string; id: string };
  outcome: ShopifyWebhookOutcome;
  /** In words: what was made of it, or why not. */
  message: string;
  order?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const shopifyWebhookSchema = new Schema<ShopifyWebhookDoc>(
  {
    webhookId: { type: String, required: true, maxlength: 200 },
    topic: { type: String, required: true, maxlength: 100 },
    shopDomain: { type: String, required: true, maxlength: 255 },
    triggeredAt: { type: Date },
    shopifyOrder: {
      type: new Schema(
        {
          name: { type: String, required: true, maxlength: 100 },
          id: { type: String, required: true, maxlength: 100 },
        },
        { _id: false, strict: 'throw' },
      ),
    },
    outcome: { type: String, required: true, enum: SHOPIFY_WEBHOOK_OUTCOMES },
    message: { type: String, required: true, maxlength: 2000 },
    order: { type: Schema.Types.ObjectId, ref: 'Order' },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'shopify_webhooks' },
);

shopifyWebhookSchema.index({ webhookId: 1 }, { unique: true });
shopifyWebhookSchema.index({ createdAt: -1 });

export const ShopifyWebhook: Model<ShopifyWebhookDoc> = model<ShopifyWebhookDoc>(
  'ShopifyWebhook',
  shopifyWebhookSchema,
);
