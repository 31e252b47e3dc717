import { Absence } from './absence';
import { Artisan } from './artisan';
import { AuditEvent } from './audit-event';
import { Channel } from './channel';
import { ChannelKey } from './channel-key';
import { ProductCollection } from './collection';
import { GazettedHoliday } from './gazetted-holiday';
import { IdempotencyRecord } from './idempotency-record';
import { Inspection } from './inspection';
import { Job } from './job';
import { Order } from './order';
import { Payment } from './payment';
import { Plan } from './plan';
import { PlanCapacitySnapshot } from './plan-capacity-snapshot';
import { PlanningLock } from './planning-lock';
import { Product } from './product';
import { ReferenceWage } from './reference-wage';
import { Session } from './session';
import { User } from './user';
import { WebhookDelivery } from './webhook-delivery';
import { Workshop } from './workshop';

export {
  Absence,
  Artisan,
  AuditEvent,
  Channel,
  ChannelKey,
  GazettedHoliday,
  IdempotencyRecord,
  Inspection,
  Job,
  Order,
  Payment,
  Plan,
  PlanCapacitySnapshot,
  PlanningLock,
  Product,
  ProductCollection,
  ReferenceWage,
  Session,
  User,
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
  PlanCapacitySnapshot,
  PlanningLock,
  Job,
  Inspection,
  Payment,
  AuditEvent,
  ReferenceWage,
  WebhookDelivery,
  Session,
] as const;

/**
 * Creates each collection and its declared indexes. Awaited at boot because the guarantees
 * services rely on (one payment per job, unique e-mails) live in unique indexes, and because
 * a transaction cannot create a collection on every MongoDB version.
 */
export async function ensureCollectionsAndIndexes(): Promise<void> {
  for (const model of ALL_MODELS) await model.init();
}
