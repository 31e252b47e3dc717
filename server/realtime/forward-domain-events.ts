import { NETWORK_WIDE_ROLES } from '../domain/roles';
import { type DomainEventName, type DomainEventPayload, domainEvents } from '../domain-events';
import { type KiwandaIo } from './socket-server';

const NETWORK_ROOMS = NETWORK_WIDE_ROLES.map((role) => `role:${role}`);

/**
 * Which rooms hear which event: HQ roles hear everything; an artisan hears only what concerns
 * their workshop or themself. Payments go to the artisan paid, not their whole workshop.
 */
function roomsForEvent<Name extends DomainEventName>(name: Name, payload: DomainEventPayload<Name>): string[] {
  const rooms = [...NETWORK_ROOMS];
  const scoped = payload as { workshopId?: string; artisanId?: string | null };
  if (name === 'payment:paid') {
    rooms.push(scoped.artisanId ? `artisan:${scoped.artisanId}` : `workshop:${scoped.workshopId}`);
  } else if (scoped.workshopId) {
    rooms.push(`workshop:${scoped.workshopId}`);
  }
  if (name === 'capacity:changed') {
    rooms.push(...(payload as DomainEventPayload<'capacity:changed'>).workshopIds.map((id) => `workshop:${id}`));
  }
  return rooms;
}

const FORWARDED: DomainEventName[] = [
  'order:created',
  'order:cancelled',
  'job:status',
  'capacity:changed',
  'inspection:recorded',
  'payment:paid',
  'plan:progress',
  'plan:proposed',
  'plan:committed',
];

/** Pushes every domain event to the sockets allowed to see it. Returns a function that stops. */
export function forwardDomainEvents(io: KiwandaIo): () => void {
  const unsubscribers = FORWARDED.map((name) =>
    domainEvents.subscribe(name, (payload) => {
      // A socket in several of the rooms still gets the event once.
      (io.to(roomsForEvent(name, payload)).emit as (event: string, payload: unknown) => boolean)(name, payload);
    }),
  );
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
