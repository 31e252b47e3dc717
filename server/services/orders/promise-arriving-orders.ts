import { type ProductDoc } from '../../models/product';
import { type PreparedOrder } from './prepare-order';
import { promisePreparedOrders } from './promise-prepared-orders';

/**
 * Promises orders that arrive at the same moment together, in one pass of the promise engine.
 *
 * Promising costs about the same for one order as for several (each pass serves the lines asked
 * on the whole network of open orders, and a line that does not fit by its ship-by is asked again
 * week by week), and channels send many orders a second. So an order prepared while others are
 * being prepared waits for the end of the event loop's current turn (setImmediate: no timer, no
 * added latency when it is alone) and is promised with them, as a purchase-order import's orders
 * are (promisePreparedOrders): in arrival order, none promised the same free minutes as another.
 * When the server keeps up, each order is promised on its own; when requests queue up, the
 * queued ones share a pass, which is what lets intake catch up instead of falling further behind.
 */
interface WaitingOrder {
  order: PreparedOrder;
  products: readonly ProductDoc[];
  resolve: (promised: PreparedOrder) => void;
  reject: (error: unknown) => void;
}

interface Gathering {
  now: Date;
  waiting: WaitingOrder[];
}

let gathering: Gathering | null = null;

async function promiseGathered({ now, waiting }: Gathering): Promise<void> {
  try {
    const promised = await promisePreparedOrders({
      now,
      orders: waiting.map(({ order }) => order),
      products: waiting.flatMap(({ products }) => products),
    });
    waiting.forEach(({ resolve }, index) => resolve(promised[index]));
  } catch (error) {
    for (const { reject } of waiting) reject(error);
  }
}

/** `order` with a promised ship date on every line, promised with the orders arriving beside it. */
export function promiseArrivingOrder({
  now,
  order,
  products,
}: {
  now: Date;
  order: PreparedOrder;
  /** The products of its lines, as prepareOrderReadingProducts read them. */
  products: readonly ProductDoc[];
}): Promise<PreparedOrder> {
  return new Promise((resolve, reject) => {
    if (!gathering) {
      const started: Gathering = { now, waiting: [] };
      gathering = started;
      setImmediate(() => {
        gathering = null;
        void promiseGathered(started);
      });
    }
    gathering.waiting.push({ order, products, resolve, reject });
  });
}
