import { Absence } from './absence';
import { Artisan } from './artisan';
import { AuditEvent } from './audit-event';
import { CapacityHold } from './capacity-hold';
import { Channel } from './channel';
import { ChannelKey } from './channel-key';
import { ProductCollection } from './collection';
import { GazettedHoliday } from './gazetted-holiday';
import { IdempotencyRecord } from './idempotency-record';
import { Inspection } from './inspection';
import { InspectionPhoto } from './inspection-photo';
import { Job } from './job';
import { Order } from './order';
import { Payment } from './payment';
import { Payout } from './payout';
import { PayoutAttempt } from './payout-attempt';
import { PayoutLease } from './payout-lease';
import { PayoutRun } from './payout-run';
import { PhoneAction } from './phone-action';
import { Plan } from './plan';
import { PlanCapacitySnapshot } from './plan-capacity-snapshot';
import { PlanLever } from './plan-lever';
import { PlanningLock } from './planning-lock';
import { Product } from './product';
import { ProviderCallback } from './provider-callback';
import { ReferenceWage } from './reference-wage';
import { Session } from './session';
import { ShopifyWebhook } from './shopify-webhook';
import { SmsMessage } from './sms-message';
import { User } from './user';
import { UssdSession } from './ussd-session';
import { WebhookDelivery } from './webhook-delivery';
import { Workshop } from './workshop';

export {
  Absence,
  Artisan,
  AuditEvent,
  CapacityHold,
  Channel,
  ChannelKey,
  GazettedHoliday,
  IdempotencyRecord,
  Inspection,
  InspectionPhoto,
  Job,
  Order,
  Payment,
  PhoneAction,
  Payout,
  PayoutAttempt,
  PayoutLease,
  PayoutRun,
  Plan,
  PlanLever,
  PlanCapacitySnapshot,
  PlanningLock,
  Product,
  ProductCollection,
  ProviderCallback,
  ReferenceWage,
  Session,
  ShopifyWebhook,
  SmsMessage,
  User,
  UssdSession,
  WebhookDelivery,
  Workshop,
};

/** Every Kiwanda model, in the order the seed fills them. */
export const ALL_MODELS = [
  Workshop,
  Artisan,
  Absence,
  GazettedHoliday,
  ProductCollection,
  Product,
  User,
  Channel,
  ChannelKey,
  Order,
  IdempotencyRecord,
  Plan,
  PlanLever,
  PlanCapacitySnapshot,
  PlanningLock,
  Job,
  Inspection,
  Payment,
  AuditEvent,
  ReferenceWage,
  WebhookDelivery,
  InspectionPhoto,
  PhoneAction,
  PayoutRun,
  Payout,
  PayoutAttempt,
  ProviderCallback,
  PayoutLease,
  CapacityHold,
  Session,
  UssdSession,
  SmsMessage,
  ShopifyWebhook,
] as const;

/**
 * Creates each collection and its declared indexes. Awaited at boot because the guarantees
 * services rely on (one payment per job, unique e-mails) live in unique indexes, and because
 * a transaction cannot create a collection on every MongoDB version.
 */
export async function ensureCollectionsAndIndexes(): Promise<void> {
  for (const model of ALL_MODELS) await model.init();
}
