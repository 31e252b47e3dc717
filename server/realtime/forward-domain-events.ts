import { type DomainEventName, type DomainEventPayload } from '../domain/events';
import { AREA_ROLES, type Role } from '../domain/roles';
import { domainEvents } from '../domain-events';
import { artisanRoom, roleRoom, workshopRoom } from './rooms';

/** Sockets in `rooms` get `payload`, which may be narrowed to what those rooms may see. */
interface Delivery<Name extends DomainEventName> {
  rooms: string[];
  payload: DomainEventPayload<Name>;
}

interface LiveAudience<Name extends DomainEventName> {
  /** Roles whose every socket hears the event as published: their pages show the whole network's. */
  roles: readonly Role[];
  /** Workshops and artisans who hear of their own part of it (artisans' phones). */
  local?: (payload: DomainEventPayload<Name>) => Delivery<Name>[];
}

/** Every live dashboard (overview, orders, workshops, jobs, plans) is in the planning area. */
const DASHBOARDS = AREA_ROLES.planning;
/** Designers check whether the network can make a collection: capacity and committed plans change that. */
const DESIGN_CHECK: readonly Role[] = ['designer'];
/** Field officers' inspection pages list jobs and inspections, never money. */
const INSPECTIONS: readonly Role[] = ['field_officer'];

const toWorkshop = <Event extends { workshopId: string }>(event: Event) => [
  { rooms: [workshopRoom(event.workshopId)], payload: event },
];

/**
 * What each role hears live: exactly what its pages may show, event by event of the contract in
 * server/domain/events.ts (every event has an entry, so a new one cannot go out unconsidered).
 * Payment amounts reach the dashboards and the artisan paid, nobody else; an artisan hears of
 * their own workshop's jobs, inspections and capacity, never another workshop's.
 */
const LIVE_AUDIENCE: { [Name in DomainEventName]: LiveAudience<Name> } = {
  'order:created': { roles: DASHBOARDS },
  'order:cancelled': { roles: DASHBOARDS },
  'order:changed': { roles: DASHBOARDS },
  'order:status': { roles: DASHBOARDS },
  'job:status': { roles: [...DASHBOARDS, ...INSPECTIONS], local: toWorkshop },
  'capacity:changed': {
    roles: [...DASHBOARDS, ...DESIGN_CHECK],
    local: (event) =>
      event.workshopIds.map((workshopId) => ({
        rooms: [workshopRoom(workshopId)],
        payload: { ...event, workshopIds: [workshopId] },
      })),
  },
  'inspection:recorded': { roles: [...DASHBOARDS, ...INSPECTIONS], local: toWorkshop },
  // A payment reaches the artisan paid, not their whole workshop.
  'payment:paid': {
    roles: DASHBOARDS,
    local: (event) => [
      { rooms: [event.artisanId ? artisanRoom(event.artisanId) : workshopRoom(event.workshopId)], payload: event },
    ],
  },
  // Payout runs are the payouts pages'; the artisan paid hears of their own payout.
  'payout:changed': {
    roles: AREA_ROLES.payouts,
    local: (event) => (event.artisanId ? [{ rooms: [artisanRoom(event.artisanId)], payload: event }] : []),
  },
  // The SMS outbox is the messages page's; artisans read their SMS on their phones, not here.
  'message:changed': { roles: AREA_ROLES.messages },
  'plan:progress': { roles: DASHBOARDS },
  'plan:proposed': { roles: DASHBOARDS },
  'plan:committed': { roles: [...DASHBOARDS, ...DESIGN_CHECK] },
  'plan:lever-changed': { roles: DASHBOARDS },
  // Handled by the realtime layer itself (it disconnects the session's sockets); no page hears it.
  'session:ended': { roles: [] },
  // For the channels' API's memory of verified keys (channel-key-cache.ts); no page hears it.
  'channel:changed': { roles: [] },
  // For the order intake's catalogue in memory (kept-catalogue.ts); no page hears it.
  'product:saved': { roles: [] },
  // For the signed-in accounts servers keep between requests (kept-session-users.ts); no page hears it.
  'account:changed': { roles: [] },
};

/** Sends one event to the sockets in any of `rooms`. */
export type EmitToRooms = <Name extends DomainEventName>(
  rooms: string[],
  name: Name,
  payload: DomainEventPayload<Name>,
) => void;

/**
 * Passes every domain event published in this process to `emit` with the rooms allowed to hear it
 * (the Socket.IO adapter carries the emission to other processes' sockets). Returns a function that stops.
 */
export function forwardDomainEvents(emit: EmitToRooms): () => void {
  const forward = <Name extends DomainEventName>(name: Name) =>
    domainEvents.subscribeLocal(name, (payload) => {
      const audience: LiveAudience<Name> = LIVE_AUDIENCE[name];
      // Role rooms and workshop or artisan rooms hold different people (artisans hear nothing
      // network-wide), so no socket gets an event twice.
      if (audience.roles.length > 0) emit(audience.roles.map(roleRoom), name, payload);
      for (const delivery of audience.local?.(payload) ?? []) emit(delivery.rooms, name, delivery.payload);
    });
  const unsubscribers = (Object.keys(LIVE_AUDIENCE) as DomainEventName[]).map(forward);
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
