import { type ProductDoc } from '../../models/product';
import { type Gathered, gatherEachTurn } from '../gather-each-turn';
import { type PreparedOrder } from './prepare-order';
import { promisePreparedOrders } from './promise-prepared-orders';

/**
 * Promises orders that arrive at the same moment together, in one pass of the promise engine.
 *
 * Promising costs about the same for one order as for several (each pass serves the lines asked
 * on the whole network of open orders, and a line that does not fit by its ship-by is asked again
 * week by week), and channels send many orders a second. So an order prepared while others are
 * being prepared is gathered with them each turn of the event loop (gather-each-turn.ts) and is
 * promised with them, as a purchase-order import's orders are (promisePreparedOrders): in arrival
 * order, none promised the same free minutes as another.
 * When the server keeps up, each order is promised on its own; when requests queue up, the
 * queued ones share a pass, which is what lets intake catch up instead of falling further behind.
 */
interface ArrivingOrder {
  now: Date;
  order: PreparedOrder;
  /** The products of its lines, as prepareOrderReadingProducts read them. */
  products: readonly ProductDoc[];
}

async function promiseGathered(waiting: Gathered<ArrivingOrder, PreparedOrder>[]): Promise<void> {
  try {
    const promised = await promisePreparedOrders({
      // All promised as of the first one's moment: they arrived in the same turn.
      now: waiting[0].item.now,
      orders: waiting.map(({ item }) => item.order),
      products: waiting.flatMap(({ item }) => item.products),
    });
    waiting.forEach(({ resolve }, index) => resolve(promised[index]));
  } catch (error) {
    for (const { reject } of waiting) reject(error);
  }
}

/** `order` with a promised ship date on every line, promised with the orders arriving beside it. */
export const promiseArrivingOrder = gatherEachTurn(promiseGathered);
