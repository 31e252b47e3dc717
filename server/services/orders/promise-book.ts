import { setImmediate as nextTurn } from 'node:timers/promises';

import { copyAggregate } from '../../../optimizer/aggregate-in-place';
import { carryDemandInPlace } from '../../capacity-check/carry-demand';
import { readCheckNetwork, type CheckNetwork } from '../../capacity-check/read-check-network';
import { type NewDemand } from '../../capacity-check/serve-new-demand';
import { type OpenOrdersServed, serveOpenOrdersInBackground } from '../../capacity-check/serve-open-orders';
import { keepsReadState } from '../../dashboard/read-model-cache';
import { PLAN_INPUT_EVENTS } from '../../domain/events';
import { domainEvents } from '../../domain-events';

/**
 * The network ship dates are promised on, kept between orders. Reading open demand and capacity
 * and serving every open order costs far more than one order's own lines, and orders arrive many
 * a second from the channels: so the network is read and its open orders served once, and each
 * order's promised lines are then served after them (carried, carry-demand.ts), so the next order
 * is promised after them at the cost of its own lines only (promise-ship-dates.ts).
 *
 * Any event that changes what planning reads drops the book (except the creation of an order it
 * promised itself), and the next order waits for a fresh read. Age alone (working time passes;
 * changes that announce nothing) starts a read behind the kept book, which keeps answering
 * meanwhile; the read runs in the background, a step at a time (run-in-steps.ts), so orders
 * waiting on the server are not held up behind it. Carried lines alone start no read: a fresh
 * read would hold the same lines as open demand, so the network it builds is no smaller.
 *
 * Every promised line counts exactly once: a new book carries on each line promised before it
 * (on the book it replaces, or on one an event dropped) whose order the read did not find, as
 * the order may not have been committed yet; one its read found is in the open demand already.
 */
export interface PromiseBook {
  network: CheckNetwork;
  /** Lines promised on this book or carried onto it, served after the network's open orders. */
  carried: CarriedLine[];
  /** The network's open orders served, then every carried line: the book's own, carried on in place. */
  served: OpenOrdersServed;
  /** Orders promised on this book or just before it (their `order:created` does not make it stale). */
  promisedOrders: Set<string>;
  /** Orders promised on this book itself: the next book still expects their `order:created`. */
  promisedHere: Set<string>;
  readAt: number;
}

/** A line promised on a book, carried until a read of the network finds its order. */
export interface CarriedLine {
  orderId: string;
  demand: NewDemand;
  /** Reads that did not find the order: a write that failed after the promise is let go after a few. */
  missedReads: number;
}

const MAX_AGE_MS = 30_000;
/** About a minute of reads (MAX_AGE_MS apart): longer than any order's transaction takes to commit. */
const MAX_MISSED_READS = 2;

let kept: PromiseBook | null = null;
/** Lines promised on books no longer kept (dropped by an event, or never kept): the next read carries them. */
let orphaned: CarriedLine[] = [];
let reading: Promise<PromiseBook> | null = null;
/** Counts the events that dropped the book, so that a read overtaken by one is not kept. */
let drops = 0;
let watching = false;

function dropBook(): void {
  drops += 1;
  if (kept) orphaned.push(...kept.carried);
  kept = null;
}

/** When every kept read state is cleared (tests writing behind the services' back): nothing carries on. */
function forgetEverything(): void {
  dropBook();
  orphaned = [];
}

function watchForChanges(): void {
  if (watching) return;
  watching = true;
  keepsReadState(forgetEverything);
  for (const name of PLAN_INPUT_EVENTS) {
    domainEvents.subscribe(name, (event) => {
      if (name === 'order:created' && kept?.promisedOrders.has((event as { orderId: string }).orderId)) return;
      dropBook();
    });
  }
}

/** The lines promised before a read that it did not find, to be carried on by the book built from it. */
function stillToCarry(network: CheckNetwork): { carried: CarriedLine[]; promisedOrders: Set<string> } {
  const read = new Set(network.orderIds.map(String));
  const before = [...orphaned, ...(kept?.carried ?? [])];
  return {
    carried: before
      .filter((line) => !read.has(line.orderId) && line.missedReads < MAX_MISSED_READS)
      .map((line) => ({ ...line, missedReads: line.missedReads + 1 })),
    // Found or not, their `order:created` may still be on its way.
    // (Only one book back, so the set does not grow with every order ever promised.)
    promisedOrders: new Set([...before.map((line) => line.orderId), ...(kept?.promisedHere ?? [])]),
  };
}

/**
 * Reads the network as of `now` and builds a book on it, in the background: the event loop gets
 * its turns between the read's steps, serving the open orders and carrying the lines promised
 * meanwhile. The book is kept unless an event dropped the book during the read (what was read
 * may already be out of date).
 */
async function buildBook(now: Date): Promise<PromiseBook> {
  const dropsBefore = drops;
  const network = await readCheckNetwork({ now, fresh: false });
  await nextTurn();
  const open = await serveOpenOrdersInBackground({ problem: network.problem, movableDays: 0 });
  await nextTurn();
  // From here to the swap nothing yields: no line can be promised on the old book in between.
  const { carried, promisedOrders } = stillToCarry(network);
  // The book's own copy (the open orders served are kept for the capacity check too), so that
  // each promise is carried on it in place, at the cost of its own lines.
  const served = copyAggregate(open);
  carryDemandInPlace({ problem: network.problem, served, demand: carried.map((line) => line.demand) });
  const book: PromiseBook = {
    network,
    carried,
    served,
    promisedOrders,
    promisedHere: new Set(),
    readAt: now.getTime(),
  };
  if (drops === dropsBefore) {
    kept = book;
    orphaned = [];
  } else {
    // Lines promised on it by those waiting for it are carried on by the next read instead.
    orphaned = [...carried];
  }
  return book;
}

function readAfresh(now: Date): Promise<PromiseBook> {
  reading ??= buildBook(now).finally(() => {
    reading = null;
  });
  return reading;
}

/**
 * Carries `lines`, just promised on `book`, so that the next order is promised after them: on the
 * book itself, and once on the kept book (or, with none, on the next read) for the next reads.
 */
export function carryPromisedLines({
  book,
  orderIds,
  lines,
}: {
  book: PromiseBook;
  /** Every order promised (some may have no line that fits at all): their `order:created` keeps the book. */
  orderIds: readonly string[];
  lines: readonly { orderId: string; demand: NewDemand }[];
}): void {
  const carried = lines.map(({ orderId, demand }) => ({ orderId, demand, missedReads: 0 }));
  const carryOn = (target: PromiseBook) => {
    carryDemandInPlace({
      problem: target.network.problem,
      served: target.served,
      demand: lines.map((line) => line.demand),
      // Just promised: the promise engine asked these lines, checked, by their promised dates.
      checked: true,
    });
    for (const orderId of orderIds) {
      target.promisedOrders.add(orderId);
      target.promisedHere.add(orderId);
    }
  };
  carryOn(book);
  // A book replaced or dropped since it was handed out still serves those promising on it.
  if (book === kept) book.carried.push(...carried);
  else if (kept) {
    carryOn(kept);
    kept.carried.push(...carried);
  } else orphaned.push(...carried);
}

/** The book to promise on as of `now`. */
export async function readPromiseBook({ now }: { now: Date }): Promise<PromiseBook> {
  watchForChanges();
  const current = kept;
  if (!current) return readAfresh(now);
  if (now.getTime() - current.readAt >= MAX_AGE_MS) void readAfresh(now).catch(() => undefined);
  return current;
}

/** Settles once the read in progress, if any, has built its book (a read behind the kept book runs unawaited). */
export async function promiseBookReadSettled(): Promise<void> {
  await reading?.catch(() => undefined);
}
