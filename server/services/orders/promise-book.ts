import { carryDemand } from '../../capacity-check/carry-demand';
import { readCheckNetwork, type CheckNetwork } from '../../capacity-check/read-check-network';
import { type NewDemand } from '../../capacity-check/serve-new-demand';
import { type OpenOrdersServed, serveOpenOrders } from '../../capacity-check/serve-open-orders';
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
 * promised itself), and the next order waits for a fresh read. Age (working time passes; changes
 * that announce nothing) and a long list of carried lines (the served network grows with them)
 * only start a read behind the kept book, which serves meanwhile; lines promised during that read
 * are carried over to the new book, since the read may have missed their orders.
 */
export interface PromiseBook {
  network: CheckNetwork;
  /** Lines promised since the network was read, due on the dates promised. */
  carried: NewDemand[];
  /** The network's open orders served, then every carried line. */
  served: OpenOrdersServed;
  /** Orders promised on this book (their `order:created` does not make it stale). */
  promisedOrders: Set<string>;
  readAt: number;
}

const MAX_AGE_MS = 30_000;
const MAX_CARRIED_LINES = 2_000;

let kept: PromiseBook | null = null;
let reading: Promise<PromiseBook> | null = null;
let watching = false;

function forget(): void {
  kept = null;
}

function watchForChanges(): void {
  if (watching) return;
  watching = true;
  keepsReadState(forget);
  for (const name of PLAN_INPUT_EVENTS) {
    domainEvents.subscribe(name, (event) => {
      if (name === 'order:created' && kept?.promisedOrders.has((event as { orderId: string }).orderId)) return;
      forget();
    });
  }
}

/** Reads the network afresh; lines promised on `previous` while it is read stay carried. */
function readAfresh(now: Date, previous: PromiseBook | null): Promise<PromiseBook> {
  const carriedBefore = previous?.carried.length ?? 0;
  reading ??= readCheckNetwork({ now, fresh: false })
    .then((network) => {
      const carried = previous && kept === previous ? previous.carried.slice(carriedBefore) : [];
      const book: PromiseBook = {
        network,
        carried,
        served: carryDemand({
          problem: network.problem,
          served: serveOpenOrders({ problem: network.problem, movableDays: 0 }),
          demand: carried,
        }),
        promisedOrders: new Set(previous && kept === previous ? previous.promisedOrders : []),
        readAt: now.getTime(),
      };
      // An event during the read dropped the book: what was read may already be out of date.
      if (previous === null || kept === previous) kept = book;
      return book;
    })
    .finally(() => {
      reading = null;
    });
  return reading;
}

/** Carries `lines`, just promised, on the book: the next order is promised after them. */
export function carryPromisedLines({ book, lines }: { book: PromiseBook; lines: readonly NewDemand[] }): void {
  book.carried.push(...lines);
  book.served = carryDemand({ problem: book.network.problem, served: book.served, demand: lines });
}

/** The book to promise on as of `now`. */
export async function readPromiseBook({ now }: { now: Date }): Promise<PromiseBook> {
  watchForChanges();
  const current = kept;
  if (!current) return readAfresh(now, null);
  if (now.getTime() - current.readAt >= MAX_AGE_MS || current.carried.length >= MAX_CARRIED_LINES) {
    void readAfresh(now, current).catch(() => undefined);
  }
  return current;
}
