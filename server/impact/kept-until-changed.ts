import { type DomainEventName } from '../domain/events';
import { domainEvents } from '../domain-events';

/**
 * A value read from the database and kept in this process between reports. It is read again
 * when one of `events` is heard, published by this process or by any other (the bus relays them,
 * see domain-events.ts), and when `key` moves: the caller passes an aggregate's revision, which a
 * reseed or an import (writes that pass no event) moves through the aggregate's rebuild.
 *
 * NOTE: an event heard while a read is under way drops that read too: the read may have started
 * before the write committed, so only a read started after the event is kept.
 */
export function keepUntilChanged<Value>({
  load,
  events,
}: {
  load: () => Promise<Value>;
  events: readonly DomainEventName[];
}): { read: (key: string | null) => Promise<Value>; drop: () => void } {
  let kept: { key: string | null; value: Promise<Value> } | null = null;
  const drop = () => {
    kept = null;
  };
  for (const name of events) domainEvents.subscribe(name, drop);
  return {
    drop,
    read(key) {
      if (kept === null || kept.key !== key) {
        const entry = { key, value: load() };
        kept = entry;
        // A failed read is not kept: the next report tries again.
        entry.value.catch(() => {
          if (kept === entry) kept = null;
        });
      }
      return kept.value;
    },
  };
}
