import { randomUUID } from 'node:crypto';

import { DOMAIN_EVENT_NAMES, type DomainEventName } from '../domain/events';
import { domainEvents } from '../domain-events';
import { type Logger } from '../logger';
import { type RedisClients } from './redis-clients';

/** The Redis pub/sub channel every app process publishes its domain events to. */
export const EVENT_RELAY_CHANNEL = 'kiwanda:domain-events';

interface RelayedEvent {
  /** The publishing process, which skips its own events when they come back. */
  from: string;
  name: DomainEventName;
  payload: unknown;
  duringPlanCommit: boolean;
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set(DOMAIN_EVENT_NAMES);

/**
 * Carries every domain event this process publishes to the other app processes, and theirs to
 * this one's network listeners (read-model caches, the automatic re-planner). Sockets are not fed
 * from here: the process that published an event emits it once, and Socket.IO's Redis adapter
 * spreads that emission to every process's sockets.
 *
 * NOTE: pub/sub delivers what is published while a process is connected. An event published while
 * Redis restarts does not reach the other processes' caches; their age limits (at most a minute)
 * bound how long such a figure can lag, as they did for writes that announce nothing.
 */
export async function relayDomainEvents({
  redis,
  logger,
}: {
  redis: Pick<RedisClients, 'queued' | 'subscriber'>;
  logger: Logger;
}): Promise<() => Promise<void>> {
  const self = randomUUID();
  await redis.subscriber.subscribe(EVENT_RELAY_CHANNEL, (message) => {
    let event: RelayedEvent;
    try {
      event = JSON.parse(message) as RelayedEvent;
    } catch (error) {
      logger.warn({ err: error }, 'a relayed domain event could not be read; ignored');
      return;
    }
    if (event.from === self || !KNOWN_EVENTS.has(event.name)) return;
    domainEvents.deliverRemote(event.name, event.payload, event.duringPlanCommit === true);
  });
  const stopSending = domainEvents.onLocalPublish((name, payload, origin) => {
    const relayed: RelayedEvent = { from: self, name, payload, duringPlanCommit: origin.duringPlanCommit };
    redis.queued.publish(EVENT_RELAY_CHANNEL, JSON.stringify(relayed)).catch((error: unknown) => {
      logger.warn({ err: error, event: name }, 'a domain event could not be relayed to the other processes');
    });
  });
  return async () => {
    stopSending();
    await redis.subscriber.unsubscribe(EVENT_RELAY_CHANNEL).catch(() => undefined);
  };
}
