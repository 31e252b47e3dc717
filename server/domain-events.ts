import { EventEmitter } from 'node:events';

import { type DomainEventName, type DomainEventPayload } from './domain/events';

type Listener<Name extends DomainEventName> = (payload: DomainEventPayload<Name>) => void;

/**
 * In-process bus for domain events (names and payloads: domain/events.ts). Services publish
 * after their transaction commits; read models drop what the event makes wrong, the re-planner
 * takes note, and the realtime layer forwards each event to the Socket.IO rooms that may see it.
 */
class DomainEventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every dashboard page and the re-planner listen; the default cap of 10 would warn.
    this.emitter.setMaxListeners(0);
  }

  publish<Name extends DomainEventName>(name: Name, payload: DomainEventPayload<Name>): void {
    this.emitter.emit(name, payload);
  }

  subscribe<Name extends DomainEventName>(name: Name, listener: Listener<Name>): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}

/**
 * One bus per process. A development rebuild reloads only the Remix build, which reaches the bus
 * through the load context, so no listener is orphaned.
 */
export const domainEvents = new DomainEventBus();
