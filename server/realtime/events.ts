import { type Role } from '../domain/roles';

/**
 * The one list of realtime events, shared by the server and the browser (type-only import).
 * Names are `entity:verb`. A pushed event tells a page what to revalidate or patch; the
 * loaders stay the source of truth, so payloads stay small: ids, statuses, weeks, counts.
 * Ids are strings; weeks are ISO week labels in Nairobi ("2026-W48").
 */
export interface ServerHello {
  version: string;
  serverTime: string;
}

export interface OrderCreated {
  orderId: string;
  source: 'web' | 'retail';
  shipByWeek: string;
  units: number;
}

export interface OrderCancelled {
  orderId: string;
  /** Jobs that were cancelled with the order. */
  cancelledJobs: number;
}

export interface JobStatusChanged {
  jobId: string;
  orderId: string;
  workshopId: string;
  artisanId: string | null;
  from: string;
  to: string;
  week: string;
}

export interface CapacityChanged {
  workshopIds: string[];
  weeks: string[];
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

export interface PlanProgress {
  planId: string;
  /** Who started the run: a planner, or the automatic re-planner. */
  trigger: 'planner' | 'auto';
  /** reading · an optimizer phase · saving · done · failed. */
  phase: string;
  /** 0–100. */
  percent: number;
  /** One line for the progress bar, e.g. "giving jobs to workshops". */
  message: string;
}

export interface PlanProposed {
  planId: string;
  trigger: 'planner' | 'auto';
  placedUnits: number;
  unplacedUnits: number;
}

export interface PlanCommitted {
  planId: string;
  jobs: number;
  weeks: string[];
}

export interface ServerToClientEvents {
  'server:hello': (hello: ServerHello) => void;
  'order:created': (event: OrderCreated) => void;
  'order:cancelled': (event: OrderCancelled) => void;
  'job:status': (event: JobStatusChanged) => void;
  'capacity:changed': (event: CapacityChanged) => void;
  'inspection:recorded': (event: InspectionRecorded) => void;
  'payment:paid': (event: PaymentPaid) => void;
  'plan:progress': (event: PlanProgress) => void;
  'plan:proposed': (event: PlanProposed) => void;
  'plan:committed': (event: PlanCommitted) => void;
}

export interface ClientToServerEvents {
  /** Round trip used by clients to measure latency and prove the link is alive. */
  'server:ping': (ack: (reply: { serverTime: string }) => void) => void;
}

export type InterServerEvents = Record<string, never>;

/** Who is on the other end of a socket, read from the session cookie at the handshake. */
export interface SocketUser {
  userId: string;
  role: Role;
  artisanId: string | null;
  workshopId: string | null;
}

export interface SocketData {
  connectedAt: number;
  user: SocketUser;
}
