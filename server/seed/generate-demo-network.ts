import { differenceInCalendarISOWeeks } from 'date-fns';
import { type Types } from 'mongoose';

import { type NairobiArea } from '../domain/nairobi-areas';
import { inNairobi, isoWeekLabel, nairobiWeekStart, shiftInNairobi } from '../domain/weeks';
import { type AbsenceDoc } from '../models/absence';
import { type ArtisanDoc } from '../models/artisan';
import { type AuditEventDoc } from '../models/audit-event';
import { type CapacityHoldDoc } from '../models/capacity-hold';
import { type ChannelDoc } from '../models/channel';
import { type ChannelKeyDoc } from '../models/channel-key';
import { type CollectionDoc } from '../models/collection';
import { type GazettedHolidayDoc } from '../models/gazetted-holiday';
import { type IdempotencyRecordDoc } from '../models/idempotency-record';
import { type InspectionDoc } from '../models/inspection';
import { type InspectionPhotoDoc } from '../models/inspection-photo';
import { type JobDoc } from '../models/job';
import { type OrderDoc } from '../models/order';
import { type PaymentDoc } from '../models/payment';
import { type PayoutDoc } from '../models/payout';
import { type PayoutAttemptDoc } from '../models/payout-attempt';
import { type PayoutLeaseDoc } from '../models/payout-lease';
import { type PayoutRunDoc } from '../models/payout-run';
import { type PhoneActionDoc } from '../models/phone-action';
import { type PlanDoc } from '../models/plan';
import { type PlanCapacitySnapshotDoc } from '../models/plan-capacity-snapshot';
import { type PlanLeverDoc } from '../models/plan-lever';
import { type PlanningLockDoc } from '../models/planning-lock';
import { type ProductDoc } from '../models/product';
import { type ProviderCallbackDoc } from '../models/provider-callback';
import { type ReferenceWageDoc } from '../models/reference-wage';
import { type SessionDoc } from '../models/session';
import { type ShopifyWebhookDoc } from '../models/shopify-webhook';
import { type SmsMessageDoc } from '../models/sms-message';
import { type UserDoc } from '../models/user';
import { type UssdSessionDoc } from '../models/ussd-session';
import { type WebhookDeliveryDoc } from '../models/webhook-delivery';
import { type WorkshopDoc } from '../models/workshop';
import { type SchedulableArtisan } from './artisan-week-pool';
import { generateAbsences, generateGazettedHolidays } from './generate-calendar-records';
import { generateCatalogue } from './generate-catalogue';
import { generateChannels } from './generate-channels';
import { generateCurrentPlans } from './generate-current-plan';
import { generateHistory } from './generate-history';
import { generateOpenDemand } from './generate-open-demand';
import { generateArtisanUser, generateStaffUsers } from './generate-users';
import { generateWorkforce } from './generate-workshops';
import { createRandom, type Random } from './random';
import { createSeededIds } from './seeded-ids';

export interface DemoNetworkOptions {
  seed: string | number;
  artisans: number;
  /** Weeks of history before the reference week. */
  weeks: number;
  /**
   * The moment the network is simulated up to (its "now"): work due before it has been made,
   * inspected and paid, but for a few late jobs; the current week's jobs have progressed by the
   * day. The same seed and reference date give the same network.
   */
  referenceDate: Date;
}

export const DEFAULT_DEMO_NETWORK = { seed: 'kiwanda', artisans: 2_400, weeks: 52 } as const;

/** Every document of the demo network, by collection name. */
export interface DemoNetwork {
  workshops: WorkshopDoc[];
  artisans: ArtisanDoc[];
  absences: AbsenceDoc[];
  gazetted_holidays: GazettedHolidayDoc[];
  collections: CollectionDoc[];
  products: ProductDoc[];
  users: UserDoc[];
  channels: ChannelDoc[];
  /** Left empty: a key is shown once, when an admin or the CLI creates it. */
  channel_keys: ChannelKeyDoc[];
  orders: OrderDoc[];
  /** Left empty: written by the channels' API as idempotent requests arrive. */
  idempotency_records: IdempotencyRecordDoc[];
  plans: PlanDoc[];
  /**
   * Left empty: planning writes these as it proposes and commits, and the demo's plans were
   * written as they stand, not run (their pages show no capacity snapshot).
   */
  plan_capacity_snapshots: PlanCapacitySnapshotDoc[];
  planning_locks: PlanningLockDoc[];
  /** Left empty: planners pin assignments and rule out workshops from proposals. */
  plan_levers: PlanLeverDoc[];
  /** Left empty: the demo measures against the published reference wages until an admin records others. */
  reference_wages: ReferenceWageDoc[];
  /** Left empty: written as channels' orders change. */
  webhook_deliveries: WebhookDeliveryDoc[];
  /** Left empty: written as the web shop's Shopify webhooks arrive. */
  shopify_webhooks: ShopifyWebhookDoc[];
  /** Left empty: designers place holds from their capacity checks. */
  capacity_holds: CapacityHoldDoc[];
  /** Left empty: written as people sign in. */
  sessions: SessionDoc[];
  jobs: JobDoc[];
  inspections: InspectionDoc[];
  /** Left empty: officers' photos are taken on their phones. */
  inspection_photos: InspectionPhotoDoc[];
  /** Left empty: written as phones send actions. */
  phone_actions: PhoneActionDoc[];
  /** Left empty: written as artisans dial in by USSD. */
  ussd_sessions: UssdSessionDoc[];
  payments: PaymentDoc[];
  /** Left empty: a manager gathers and approves payout runs. */
  payout_runs: PayoutRunDoc[];
  payouts: PayoutDoc[];
  payout_attempts: PayoutAttemptDoc[];
  provider_callbacks: ProviderCallbackDoc[];
  payout_leases: PayoutLeaseDoc[];
  /** Left empty: SMS are queued by offers, inspections and payouts made once the demo runs. */
  sms_messages: SmsMessageDoc[];
  events: AuditEventDoc[];
}

function schedulable({
  random,
  artisans,
  referenceDate,
  weeks,
}: {
  random: Random;
  artisans: ArtisanDoc[];
  referenceDate: Date;
  weeks: number;
}): SchedulableArtisan[] {
  return artisans.map((artisan) => {
    const firstWeek = differenceInCalendarISOWeeks(artisan.joinedAt, referenceDate, { in: inNairobi }) + 1;
    // Those who paused stopped a few weeks ago; those who left, some time in the year.
    const lastWeek =
      artisan.status === 'active'
        ? Number.MAX_SAFE_INTEGER
        : artisan.status === 'paused'
          ? -random.int(2, 12)
          : -random.int(8, Math.max(8, weeks));
    return {
      id: artisan._id,
      workshopId: artisan.workshop,
      skills: artisan.skills,
      weeklyHours: artisan.weeklyHours,
      phone: artisan.phone,
      name: artisan.name,
      firstWeek,
      lastWeek: Math.max(firstWeek, lastWeek),
    };
  });
}

/**
 * Builds the whole demo network in memory: the same options give the same documents, ids and
 * timestamps included. Nothing here reads the clock or the database.
 */
export async function generateDemoNetwork(
  options: DemoNetworkOptions,
  /** Told the share of the network built so far (the history is most of the work). */
  onProgress?: (share: number) => void,
): Promise<DemoNetwork> {
  const random = createRandom(options.seed);
  const ids = createSeededIds(options.seed);
  const now = options.referenceDate;
  const referenceDate = nairobiWeekStart(now);

  const staff = await generateStaffUsers({ random: random.fork('users'), ids, referenceDate });
  const { workshops, artisans } = generateWorkforce({
    random: random.fork('workforce'),
    ids,
    referenceDate,
    artisanCount: options.artisans,
  });
  const { collections, products } = generateCatalogue({
    random: random.fork('catalogue'),
    ids,
    referenceDate,
    designerUserId: staff.designer,
  });
  const launched = new Map(
    collections
      .filter((collection) => collection.status === 'launched')
      .map((collection) => [String(collection._id), collection.launchDate]),
  );
  const productsOnSale = (at: Date) =>
    products.filter((product) => {
      const launchDate = launched.get(String(product.collectionRef));
      return launchDate !== undefined && launchDate < at;
    });
  const preOrderable = products.filter((product) =>
    collections.some((collection) => collection.status === 'checked' && collection._id.equals(product.collectionRef)),
  );

  const officerByArea = new Map<string, Types.ObjectId>();
  const workshopArea = new Map(workshops.map((workshop) => [String(workshop._id), workshop.area]));
  const officerFor = (workshopId: Types.ObjectId) => {
    const area = workshopArea.get(String(workshopId)) ?? '';
    if (!officerByArea.has(area)) officerByArea.set(area, staff.officers[officerByArea.size % staff.officers.length]);
    return officerByArea.get(area) as Types.ObjectId;
  };

  const committedAt = shiftInNairobi({ from: referenceDate, weeks: -1, days: 4, hours: 14 });
  const planId = ids('plan', 1, committedAt);
  const history = await generateHistory({
    random: random.fork('history'),
    ids,
    referenceDate,
    now,
    historyWeeks: options.weeks,
    artisans: schedulable({ random: random.fork('availability'), artisans, referenceDate, weeks: options.weeks }),
    workshops,
    products,
    productsOnSale,
    officerFor,
    currentPlanId: planId,
    committedShare: { current: 0.55, next: 0.15 },
    onWeek: (share) => onProgress?.(share * 0.9),
  });
  const absences = generateAbsences({ random: random.fork('absences'), ids, referenceDate, artisans });
  const open = generateOpenDemand({
    random: random.fork('open-demand'),
    ids,
    referenceDate,
    now,
    artisans,
    absences,
    jobs: history.jobs,
    productsOnSale,
    preOrderable,
    firstOrderIndex: history.orderCount,
  });
  // Every neighbourhood with a workshop has its officer, whose phone lists that area's inspections.
  for (const workshop of workshops) officerFor(workshop._id);
  for (const user of staff.users) {
    const areas = [...officerByArea].filter(([, officer]) => officer.equals(user._id)).map(([area]) => area);
    if (areas.length > 0) user.areas = areas as NairobiArea[];
  }
  const artisanUser = await generateArtisanUser({
    random: random.fork('artisan-user'),
    ids,
    referenceDate,
    artisans,
    jobs: history.jobs,
  });
  const planner = staff.users.find((user) => user.role === 'planner') as UserDoc;
  const plans = generateCurrentPlans({
    planId,
    proposalId: ids('plan', 0, committedAt),
    jobs: history.jobs,
    committedAt,
    startWeek: isoWeekLabel(referenceDate),
    committedBy: planner._id,
  });
  const seededEvent: AuditEventDoc = {
    _id: ids('event', 0, now),
    at: now,
    actor: { kind: 'system', role: 'system', label: 'demo network seed' },
    entity: { kind: 'network', id: ids('network', 0, referenceDate) },
    action: 'network.seeded',
    before: null,
    after: {
      seed: String(options.seed),
      artisans: options.artisans,
      weeks: options.weeks,
      referenceDate: now.toISOString(),
    },
    createdAt: now,
    updatedAt: now,
  };

  return {
    workshops,
    artisans,
    absences,
    gazetted_holidays: generateGazettedHolidays({ ids, referenceDate }),
    collections,
    products,
    users: [...staff.users, artisanUser],
    channels: generateChannels({ ids, referenceDate }),
    channel_keys: [],
    orders: [...history.orders, ...open.orders],
    idempotency_records: [],
    plans,
    plan_capacity_snapshots: [],
    planning_locks: [],
    plan_levers: [],
    reference_wages: [],
    webhook_deliveries: [],
    shopify_webhooks: [],
    capacity_holds: [],
    sessions: [],
    jobs: history.jobs,
    inspections: history.inspections,
    inspection_photos: [],
    phone_actions: [],
    ussd_sessions: [],
    payout_runs: [],
    payouts: [],
    payout_attempts: [],
    provider_callbacks: [],
    payout_leases: [],
    sms_messages: [],
    payments: history.payments,
    events: [seededEvent],
  };
}
