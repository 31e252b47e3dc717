import { type DomainEventName, type DomainEventPayload } from '../domain/events';
import { domainEvents } from '../domain-events';

/**
 * Dashboard figures that every planner's browser asks for at once (the overview, the workshops'
 * load) are computed once per change rather than once per request: a result is kept until a
 * domain event says the data under it moved, or until it is `maxAgeMs` old. The age limit bounds
 * how stale a figure can be after changes that announce nothing (a seed, an import, another
 * process of a multi-process install) and after the clock moves on (at-risk dates).
 *
 * An event can drop every kept result, or only those whose keys it names (a job moving in week
 * W drops the figures of week W) or whose keys match it, or decide from its payload (a move that
 * changes nothing shown drops nothing). Requests that arrive while a result is being computed share
 * that computation, so the burst of revalidations after one pushed event costs one computation.
 * A result past its age limit (with no event against it) is served once more while a fresh one
 * is computed behind it, so the age limit never makes a person wait.
 *
 * The state is this module's: the Remix build reaches the read models through the load context
 * and never carries a copy of them, so each process holds one set of results and subscriptions.
 */
export type Invalidation = {
  [Name in DomainEventName]?: 'all' | ((payload: DomainEventPayload<Name>) => DroppedKeys);
};

/**
 * What an event drops: every kept result, those of the keys named, or those whose keys a test
 * picks (when a key holds several inputs, e.g. a week and a workshop, and an event names one).
 */
export type DroppedKeys = readonly string[] | 'all' | ((key: string) => boolean);

/** Every event of `events` drops all kept results, except those `decided` rules out from the payload. */
export function droppedBy(events: readonly DomainEventName[], decided: Invalidation = {}): Invalidation {
  return { ...Object.fromEntries(events.map((event) => [event, 'all' as const])), ...decided };
}

export interface CachedReadModelOptions<Input, Result> {
  name: string;
  /** Domain events after which kept results may be wrong: a list drops them all. */
  invalidatedBy: readonly DomainEventName[] | Invalidation;
  maxAgeMs: number;
  /** Inputs with the same key share a result; keep keys coarse (a week, not a timestamp). */
  keyOf: (input: Input) => string;
  compute: (input: Input) => Promise<Result>;
  /** How many results to keep at most (the oldest go first). */
  maxKept?: number;
}

export interface CachedReadModel<Input, Result> {
  (input: Input): Promise<Result>;
  /** Drops every kept result of this read model. */
  clear(): void;
}

interface KeptResult {
  startedAt: number;
  /** The model's and the key's generation when the computation began (see keptFor). */
  generation: number;
  keyGeneration: number;
  promise: Promise<unknown>;
  /**
   * The value once the computation succeeded: a batch read of thousands of keys (a capacity grid)
   * takes kept values as they are, rather than awaiting a promise per key on every request.
   */
  settled?: { value: unknown };
  /** A fresh result is being computed to replace this aged one. */
  refreshing?: boolean;
}

interface ReadModelState {
  generation: number;
  /** Bumped per key by events that name keys; a result computed under an older one is not reused. */
  keyGenerations: Map<string, number>;
  kept: Map<string, KeptResult>;
  events: string;
  unsubscribe: () => void;
}

/** Enough for the few ranges and filters people use; arbitrary URL parameters cannot grow it. */
const DEFAULT_MAX_KEPT = 64;

const registry = new Map<string, ReadModelState>();

function invalidateAll(state: ReadModelState): void {
  state.generation += 1;
  state.kept.clear();
  state.keyGenerations.clear();
}

function invalidateKeys(state: ReadModelState, keys: readonly string[]): void {
  for (const key of keys) {
    state.keyGenerations.set(key, (state.keyGenerations.get(key) ?? 0) + 1);
    state.kept.delete(key);
  }
}

function stateFor(
  name: string,
  invalidatedBy: CachedReadModelOptions<unknown, unknown>['invalidatedBy'],
): ReadModelState {
  const invalidation: Invalidation = Array.isArray(invalidatedBy)
    ? Object.fromEntries(invalidatedBy.map((event) => [event, 'all']))
    : (invalidatedBy as Invalidation);
  const events = Object.keys(invalidation).sort().join(',');
  const existing = registry.get(name);
  if (existing && existing.events === events) return existing;
  existing?.unsubscribe();
  const state: ReadModelState = {
    generation: 0,
    keyGenerations: new Map(),
    kept: new Map(),
    events,
    unsubscribe: () => {},
  };
  const unsubscribers = (Object.entries(invalidation) as [DomainEventName, Invalidation[DomainEventName]][]).map(
    ([event, rule]) =>
      domainEvents.subscribe(event, (payload) => {
        const keys =
          rule === 'all' || rule === undefined ? 'all' : (rule as (payload: unknown) => DroppedKeys)(payload);
        if (keys === 'all') invalidateAll(state);
        else if (typeof keys === 'function') invalidateKeys(state, [...state.kept.keys()].filter(keys));
        else invalidateKeys(state, keys);
      }),
  );
  state.unsubscribe = () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  registry.set(name, state);
  return state;
}

function keyGenerationOf(state: ReadModelState, key: string): number {
  return state.keyGenerations.get(key) ?? 0;
}

/** The kept result for `key`, unless a change since its computation began rules it out; `aged` past the age limit. */
function keptFor(
  state: ReadModelState,
  key: string,
  maxAgeMs: number,
): { record: KeptResult; aged: boolean } | undefined {
  const record = state.kept.get(key);
  if (!record || record.generation !== state.generation || record.keyGeneration !== keyGenerationOf(state, key))
    return undefined;
  return { record, aged: Date.now() - record.startedAt >= maxAgeMs };
}

/** Replaces an aged result with `fresh` once it is ready, unless a change dropped the aged one meanwhile. */
function replaceWhenReady(
  state: ReadModelState,
  key: string,
  aged: KeptResult,
  fresh: Promise<unknown>,
  maxKept: number,
): void {
  aged.refreshing = true;
  fresh.then(
    () => {
      if (state.kept.get(key) === aged) keep(state, key, fresh, maxKept);
    },
    () => {
      aged.refreshing = false;
    },
  );
}

function keep(state: ReadModelState, key: string, promise: Promise<unknown>, maxKept: number): void {
  const record: KeptResult = {
    startedAt: Date.now(),
    generation: state.generation,
    keyGeneration: keyGenerationOf(state, key),
    promise,
  };
  state.kept.delete(key);
  state.kept.set(key, record);
  if (state.kept.size > maxKept) state.kept.delete(state.kept.keys().next().value as string);
  promise.then(
    (value) => {
      record.settled = { value };
    },
    // A failure is not kept: the next request tries again.
    () => {
      if (state.kept.get(key) === record) state.kept.delete(key);
    },
  );
}

export function cachedReadModel<Input, Result>(
  options: CachedReadModelOptions<Input, Result>,
): CachedReadModel<Input, Result> {
  const { name, invalidatedBy, maxAgeMs, keyOf, compute, maxKept = DEFAULT_MAX_KEPT } = options;
  const read = (input: Input): Promise<Result> => {
    const state = stateFor(name, invalidatedBy);
    const key = keyOf(input);
    const kept = keptFor(state, key, maxAgeMs);
    if (kept) {
      if (kept.aged && !kept.record.refreshing) replaceWhenReady(state, key, kept.record, compute(input), maxKept);
      return kept.record.promise as Promise<Result>;
    }
    const promise = compute(input);
    keep(state, key, promise, maxKept);
    return promise;
  };
  read.clear = () => invalidateAll(stateFor(name, invalidatedBy));
  return read;
}

/**
 * The same, for results read many keys at a time (one figure per order, say): the keys without
 * a usable result are computed together in one call, which must answer for each of them.
 */
export function cachedBatchReadModel<Result>(
  options: Omit<CachedReadModelOptions<string, Result>, 'keyOf' | 'compute'> & {
    computeMany: (keys: string[]) => Promise<Map<string, Result>>;
  },
): ((keys: readonly string[]) => Promise<Map<string, Result>>) & { clear(): void } {
  const { name, invalidatedBy, maxAgeMs, computeMany, maxKept = DEFAULT_MAX_KEPT } = options;
  const read = async (keys: readonly string[]): Promise<Map<string, Result>> => {
    const state = stateFor(name, invalidatedBy);
    // Kept results first, then those computed now, as callers have always received them.
    const order: string[] = [];
    const values = new Map<string, unknown>();
    const promises = new Map<string, Promise<unknown>>();
    const missing: string[] = [];
    const aged: [string, KeptResult][] = [];
    for (const key of new Set(keys)) {
      const kept = keptFor(state, key, maxAgeMs);
      if (!kept) missing.push(key);
      else {
        order.push(key);
        if (kept.record.settled) values.set(key, kept.record.settled.value);
        else promises.set(key, kept.record.promise);
        if (kept.aged && !kept.record.refreshing) aged.push([key, kept.record]);
      }
    }
    const resultOf = (batch: Promise<Map<string, Result>>, key: string) =>
      batch.then((results) => {
        if (!results.has(key)) throw new Error(`${name}: no result for ${key}`);
        return results.get(key);
      });
    if (missing.length > 0) {
      const batch = computeMany(missing);
      for (const key of missing) {
        const promise = resultOf(batch, key);
        keep(state, key, promise, maxKept);
        promises.set(key, promise);
      }
    }
    if (aged.length > 0) {
      const batch = computeMany(aged.map(([key]) => key));
      for (const [key, record] of aged) replaceWhenReady(state, key, record, resultOf(batch, key), maxKept);
    }
    // Only results still being computed are awaited (one await for all of them).
    if (promises.size > 0) {
      const pending = [...promises];
      const settled = await Promise.all(pending.map(([, promise]) => promise));
      pending.forEach(([key], index) => values.set(key, settled[index]));
    }
    return new Map([...order, ...missing].map((key) => [key, values.get(key) as Result]));
  };
  read.clear = () => invalidateAll(stateFor(name, invalidatedBy));
  return read;
}

/** Other kept state of this process that clearReadModelCaches drops too (see keepsReadState). */
const otherKeptState = new Set<() => void>();

/** Registers `forget` to run whenever every kept read result is dropped. */
export function keepsReadState(forget: () => void): void {
  otherKeptState.add(forget);
}

/** Drops every kept dashboard result (after writing data without domain events, e.g. seeding in tests). */
export function clearReadModelCaches(): void {
  for (const state of registry.values()) invalidateAll(state);
  for (const forget of otherKeptState) forget();
}
