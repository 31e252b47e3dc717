import { EventEmitter } from 'node:events';

import { type DomainEventName, type DomainEventPayload } from './domain/events';

/** Where an event was published, as its listeners see it. */
export interface EventOrigin {
  /** Published by another app process and relayed here through Redis (server/scale/event-relay.ts). */
  remote: boolean;
  /** Published while a plan commit was under way in the process that published it. */
  duringPlanCommit: boolean;
}

type Listener<Name extends DomainEventName> = (payload: DomainEventPayload<Name>, origin: EventOrigin) => void;

/** Sees every event published in this process, with what the relay must carry along with it. */
type LocalPublishHook = (name: DomainEventName, payload: unknown, origin: EventOrigin) => void;

/**
 * The bus for domain events (names and payloads: domain/events.ts). Services publish after their
 * transaction commits; read models drop what the event makes wrong, the re-planner takes note,
 * and the realtime layer forwards each event to the Socket.IO rooms that may see it.
 *
 * With several app processes (REDIS_URL), the relay passes every event published here to the
 * others and hands theirs in through `deliverRemote`. Two kinds of listener follow from that:
 * `subscribe` hears events published anywhere (caches, the re-planner: what they keep must agree
 * with the whole network's writes), `subscribeLocal` only this process's own (work that must be
 * done once per event: a socket emission that the Socket.IO adapter already spreads to every
 * process, a derived row written to the database).
 */
class DomainEventBus {
  private readonly network = new EventEmitter();
  private readonly local = new EventEmitter();
  private readonly localPublishHooks = new Set<LocalPublishHook>();
  private commitMarker: () => boolean = () => false;

  constructor() {
    // Every dashboard page and the re-planner listen; the default cap of 10 would warn.
    this.network.setMaxListeners(0);
    this.local.setMaxListeners(0);
  }

  publish<Name extends DomainEventName>(name: Name, payload: DomainEventPayload<Name>): void {
    const origin: EventOrigin = { remote: false, duringPlanCommit: this.commitMarker() };
    this.local.emit(name, payload, origin);
    this.network.emit(name, payload, origin);
    for (const hook of this.localPublishHooks) hook(name, payload, origin);
  }

  /** An event another process published (the relay's side of `onLocalPublish`). */
  deliverRemote(name: DomainEventName, payload: unknown, duringPlanCommit: boolean): void {
    this.network.emit(name, payload, { remote: true, duringPlanCommit } satisfies EventOrigin);
  }

  /** Events published in any process of the install. */
  subscribe<Name extends DomainEventName>(name: Name, listener: Listener<Name>): () => void {
    this.network.on(name, listener);
    return () => this.network.off(name, listener);
  }

  /** Events published in this process only. */
  subscribeLocal<Name extends DomainEventName>(name: Name, listener: Listener<Name>): () => void {
    this.local.on(name, listener);
    return () => this.local.off(name, listener);
  }

  /** Calls `hook` with every event this process publishes, after its own listeners. */
  onLocalPublish(hook: LocalPublishHook): () => void {
    this.localPublishHooks.add(hook);
    return () => this.localPublishHooks.delete(hook);
  }

  /**
   * Tells the bus how to know that a plan commit is under way here (planning/plan-run-registry.ts
   * does): the commit's own capacity events must not set off an automatic re-plan in any process.
   */
  markPlanCommitsWith(isCommitInProgress: () => boolean): void {
    this.commitMarker = isCommitInProgress;
  }
}

/**
 * One bus per process. A development rebuild reloads only the Remix build, which reaches the bus
 * through the load context, so no listener is orphaned.
 */
export const domainEvents = new DomainEventBus();
