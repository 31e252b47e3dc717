import { type DomainEventName, type DomainEventPayload } from '../domain/events';
import { NETWORK_WIDE_ROLES } from '../domain/roles';
import { domainEvents } from '../domain-events';
import { artisanRoom, roleRoom, workshopRoom } from './rooms';

const NETWORK_ROOMS = NETWORK_WIDE_ROLES.map(roleRoom);

/**
 * Who hears each event besides the network-wide roles, who hear everything: an artisan hears
 * only what concerns their workshop or themself, and a payment only reaches the artisan paid,
 * not their whole workshop. Every event has an entry, so a new one cannot go unforwarded.
 */
const LOCAL_AUDIENCE: { [Name in DomainEventName]: (payload: DomainEventPayload<Name>) => string[] } = {
  'order:created': () => [],
  'order:cancelled': () => [],
  'job:status': (event) => [workshopRoom(event.workshopId)],
  'capacity:changed': (event) => event.workshopIds.map(workshopRoom),
  'inspection:recorded': (event) => [workshopRoom(event.workshopId)],
  'payment:paid': (event) => [event.artisanId ? artisanRoom(event.artisanId) : workshopRoom(event.workshopId)],
  'payout:changed': (event) => (event.artisanId ? [artisanRoom(event.artisanId)] : []),
  'plan:progress': () => [],
  'plan:proposed': () => [],
  'plan:committed': () => [],
};

/** Sends one event to the sockets in any of `rooms`. */
export type EmitToRooms = <Name extends DomainEventName>(
  rooms: string[],
  name: Name,
  payload: DomainEventPayload<Name>,
) => void;

/** Passes every domain event to `emit` with the rooms allowed to hear it. Returns a function that stops. */
export function forwardDomainEvents(emit: EmitToRooms): () => void {
  const forward = <Name extends DomainEventName>(name: Name) =>
    domainEvents.subscribe(name, (payload) =>
      emit([...NETWORK_ROOMS, ...LOCAL_AUDIENCE[name](payload)], name, payload),
    );
  const unsubscribers = (Object.keys(LOCAL_AUDIENCE) as DomainEventName[]).map(forward);
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
