import { type CommittedFigures } from './committed-plan';
import { type JobStatus } from './job-status';
import { type MessageKind, type MessageState } from './message-status';
import { type OrderSource } from './order-source';
import { type OrderStatus } from './order-status';
import { type PlanTrigger } from './plan-trigger';
import { type WeekLabel } from './weeks';

/**
 * The event contract: every domain event with its payload, shared by the services that publish
 * them, the realtime layer that forwards them and the browser that listens (type-only, apart from
 * the plain lists at the end). Names are `entity:verb`. A pushed event tells a page what to
 * revalidate or patch; the loaders stay the source of truth, so payloads stay small: ids,
 * statuses, weeks, counts. Ids are strings; weeks are ISO week labels in Nairobi ("2026-W48").
 * Safe to import from the browser.
 */
export interface OrderCreated {
  orderId: string;
  source: OrderSource;
  shipByWeek: WeekLabel;
  units: number;
}

export interface OrderCancelled {
  orderId: string;
  /** Jobs that were cancelled with the order. */
  cancelledJobs: number;
}

/** A planner changed an open order's planning terms (ship-by day, priority, a line's lot). */
export interface OrderChanged {
  orderId: string;
  /** The terms changed, e.g. ["shipBy"]. */
  fields: string[];
}

/** An order moved on by itself (production began) or by HQ (shipped): see ORDER_TRANSITIONS. */
export interface OrderStatusChanged {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
}

export interface JobStatusChanged {
  jobId: string;
  orderId: string;
  workshopId: string;
  artisanId: string | null;
  /** Null for a job just offered, as in the job's own status history. */
  from: JobStatus | null;
  to: JobStatus;
  week: WeekLabel;
}

export interface CapacityChanged {
  workshopIds: string[];
  weeks: WeekLabel[];
}

export interface InspectionRecorded {
  inspectionId: string;
  jobId: string;
  workshopId: string;
  artisanId: string | null;
  passedQuantity: number;
  failedQuantity: number;
}

export interface PaymentPaid {
  paymentId: string;
  jobId: string;
  workshopId: string;
  artisanId: string | null;
  amountCents: number;
}

/** A payout run or one of its payouts changed state (domain/payout-status.ts). */
export interface PayoutChanged {
  runId: string;
  /** Absent when the run as a whole changed (gathered, approved, completed). */
  payoutId?: string;
  workshopId?: string;
  artisanId?: string | null;
  status: string;
}

/** SMS of the outbox were queued or moved on (domain/message-status.ts). */
export interface MessageChanged {
  kind: MessageKind;
  status: MessageState;
  /** How many messages moved together (one unless queued by one change). */
  count: number;
}

export interface PlanProgress {
  planId: string;
  trigger: PlanTrigger;
  /** reading · an optimizer phase · saving · done · failed; or, for a commit, a COMMIT_PHASES one. */
  phase: string;
  /** 0–100. */
  percent: number;
  /** One line for the progress bar, e.g. "giving jobs to workshops". */
  message: string;
}

export interface PlanProposed {
  planId: string;
  trigger: PlanTrigger;
  placedUnits: number;
  unplacedUnits: number;
}

/** A planner's lever on an order line was set or removed: a pin, or a workshop ruled out. */
export interface PlanLeverChanged {
  leverId: string;
  orderId: string;
  orderLineId: string;
  workshopId: string;
  kind: 'pin' | 'rule-out';
  change: 'set' | 'removed';
}

/** With what the commit offered: jobs, their units, the workshops they went to. */
export interface PlanCommitted extends CommittedFigures {
  planId: string;
  weeks: WeekLabel[];
}

/** The `plan:progress` phases of a commit (the others are a plan run's). */
export const COMMIT_PHASES = ['committing', 'committed', 'commit-failed'] as const;
/**
 * Sessions ended by sign-out, a password change or deactivation. Never sent to browsers: the
 * realtime layer disconnects the sockets those sessions opened.
 */
export interface SessionEnded {
  userId: string;
  /** The ended session's record id, or null when every session of the user ended. */
  sessionId: string | null;
}

/**
 * Something a signed-in person's pages read from their account changed without ending their
 * sessions (their language). Never sent to browsers: the servers drop the account they keep for
 * a few seconds between requests (server/auth/kept-session-users.ts), in every process.
 */
export interface AccountChanged {
  userId: string;
}

/**
 * A sales channel's access or webhook settings changed (a key revoked, the webhook URL or secret
 * set): the channels' API drops the keys and channels it remembers, in every process.
 */
export interface ChannelChanged {
  channelId: string;
  change: 'key-revoked' | 'webhook-url' | 'webhook-secret';
}

/**
 * A product was created or changed in the catalogue (its SKU, lot, skill, minutes, prices or
 * whether it is still made): the channels' API drops the catalogue it keeps in memory, in every
 * process.
 */
export interface ProductSaved {
  productId: string;
}

/** Every domain event by name. Services publish one after their transaction commits. */
export interface DomainEvents {
  'order:created': OrderCreated;
  'order:cancelled': OrderCancelled;
  'order:changed': OrderChanged;
  'order:status': OrderStatusChanged;
  'job:status': JobStatusChanged;
  'capacity:changed': CapacityChanged;
  'inspection:recorded': InspectionRecorded;
  'payment:paid': PaymentPaid;
  'payout:changed': PayoutChanged;
  'message:changed': MessageChanged;
  'plan:progress': PlanProgress;
  'plan:proposed': PlanProposed;
  'plan:committed': PlanCommitted;
  'plan:lever-changed': PlanLeverChanged;
  'session:ended': SessionEnded;
  'channel:changed': ChannelChanged;
  'product:saved': ProductSaved;
  'account:changed': AccountChanged;
}

export type DomainEventName = keyof DomainEvents;
export type DomainEventPayload<Name extends DomainEventName> = DomainEvents[Name];

/** Every event name once; the mapped type makes a new event in DomainEvents a compile error until added. */
const EVERY_EVENT: { [Name in DomainEventName]: true } = {
  'order:created': true,
  'order:cancelled': true,
  'order:changed': true,
  'order:status': true,
  'job:status': true,
  'capacity:changed': true,
  'inspection:recorded': true,
  'payment:paid': true,
  'payout:changed': true,
  'message:changed': true,
  'plan:progress': true,
  'plan:proposed': true,
  'plan:committed': true,
  'plan:lever-changed': true,
  'session:ended': true,
  'channel:changed': true,
  'product:saved': true,
  'account:changed': true,
};

export const DOMAIN_EVENT_NAMES = Object.keys(EVERY_EVENT) as DomainEventName[];

/** What a socket says first: which server it reached, and that server's clock. */
export interface ServerHello {
  version: string;
  serverTime: string;
}

type DomainEventListeners = { [Name in DomainEventName]: (event: DomainEvents[Name]) => void };

/** What the server pushes: the hello, then every domain event the socket's rooms may hear. */
export interface ServerToClientEvents extends DomainEventListeners {
  'server:hello': (hello: ServerHello) => void;
}

export interface ClientToServerEvents {
  /** Round trip used by clients to measure latency and prove the link is alive. */
  'server:ping': (ack: (reply: { serverTime: string }) => void) => void;
}

/**
 * Events after which the overview's figures (headline numbers, demand against capacity) may be
 * wrong: the page revalidates on them and the figures it shares between planners are dropped.
 */
export const OVERVIEW_EVENTS = [
  'order:created',
  'order:cancelled',
  'order:changed',
  'order:status',
  'job:status',
  'inspection:recorded',
  'plan:committed',
  'capacity:changed',
] as const satisfies readonly DomainEventName[];

/**
 * Events that change what planning reads (orders, jobs, capacity, planners' pins and ruled-out
 * workshops): a proposal computed before one of them is stale, and committing it would be refused.
 */
export const PLAN_INPUT_EVENTS = [
  'order:created',
  'order:cancelled',
  'order:changed',
  'capacity:changed',
  'job:status',
  'plan:lever-changed',
] as const satisfies readonly DomainEventName[];

/**
 * Events after which the workshops' table (load against capacity, earnings this month) may be
 * wrong: the page revalidates on them and the shared figures are dropped.
 */
export const WORKSHOP_LOAD_EVENTS = [
  'job:status',
  'plan:committed',
  'capacity:changed',
  'order:cancelled',
  'payment:paid',
] as const satisfies readonly DomainEventName[];

/**
 * Events after which an artisan's phone pages (offers, work, pay) may be out of date: a new
 * offer or a job moved, an inspection of their work, a payment to them.
 */
export const ARTISAN_PHONE_EVENTS = [
  'job:status',
  'inspection:recorded',
  'payment:paid',
] as const satisfies readonly DomainEventName[];

/** Events after which a field officer's list of jobs waiting for inspection may be out of date. */
export const INSPECTION_QUEUE_EVENTS = [
  'job:status',
  'inspection:recorded',
] as const satisfies readonly DomainEventName[];

/** Events after which the payouts pages (runs, states, reconciliation) may be out of date. */
export const PAYOUT_EVENTS = ['payout:changed', 'payment:paid'] as const satisfies readonly DomainEventName[];

/** Events after which the messages page (the SMS outbox and its delivery reports) may be out of date. */
export const MESSAGE_EVENTS = ['message:changed'] as const satisfies readonly DomainEventName[];

/**
 * Events after which the impact report's artisans and workshops (names, genders, workshops,
 * areas), kept in memory between reports, may be wrong: the registry's services publish
 * `capacity:changed` for every artisan and workshop they create, change or move.
 */
export const IMPACT_REGISTRY_EVENTS = ['capacity:changed'] as const satisfies readonly DomainEventName[];

/** Events after which the impact report's shipped orders, kept in memory, may be wrong. */
export const IMPACT_SHIPPED_ORDER_EVENTS = [
  'order:status',
  'order:changed',
] as const satisfies readonly DomainEventName[];
