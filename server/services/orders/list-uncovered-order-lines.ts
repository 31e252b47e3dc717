import { type Types } from 'mongoose';

import { type OrderPriority } from '../../domain/order-priority';
import { OPEN_ORDER_STATUSES } from '../../domain/order-status';
import { type Skill } from '../../domain/skills';
import { isoWeekLabel, type WeekLabel } from '../../domain/weeks';
import { Order, type OrderDoc, type OrderLine } from '../../models/order';
import { Product, type ProductDoc } from '../../models/product';
import { backgroundPace, runStepsAs, type Steps } from '../run-in-steps';
import { type CoveredUnits, readCoveredUnits, readKeptCoveredUnits } from './covered-units';

export interface UncoveredOrderLine {
  orderId: Types.ObjectId;
  orderLineId: Types.ObjectId;
  reference: string;
  productId: Types.ObjectId;
  sku: string;
  skill: Skill;
  labourMinutesPerUnit: number;
  pieceRateCents: number;
  /** Units ordered that no live job covers yet. */
  units: number;
  shipBy: Date;
  shipByWeek: WeekLabel;
  priority: OrderPriority;
  /** A planner's smaller lot for this line, when one was allowed (else the product's minimum lot applies). */
  minimumLot?: number;
}

/** Open orders the database sends at a time, and read or turned into lines in one step in the background. */
const ORDERS_PER_BATCH = 1_000;

/** The part of an open order that demand is made of. */
type DemandOfOrder = Pick<OrderDoc, '_id' | 'reference' | 'placedAt' | 'shipBy' | 'priority'> & {
  lines: Pick<OrderLine, '_id' | 'product' | 'quantity' | 'minimumLot'>[];
};

/**
 * Demand not yet given to any workshop: for each line of an open order (not shipped or cancelled), the ordered quantity less
 * what jobs (other than declined or cancelled ones) already cover. This is what planning places.
 */
export async function listUncoveredOrderLines({
  shipByBefore,
  background = false,
}: {
  shipByBefore?: Date;
  /**
   * A read behind answers still given (the kept check inputs): what jobs cover comes from what is
   * kept between reads (readKeptCoveredUnits), and the orders are read and turned into lines in
   * the background, a batch at a time (run-in-steps.ts).
   */
  background?: boolean;
} = {}): Promise<UncoveredOrderLine[]> {
  const query = Order.find(
    {
      status: { $in: OPEN_ORDER_STATUSES },
      ...(shipByBefore ? { shipBy: { $lt: shipByBefore } } : {}),
    },
    // Only what demand needs: open orders are many (the channels send many a second), and their
    // customers, notes and prices would cross the connection for nothing.
    {
      reference: 1,
      placedAt: 1,
      shipBy: 1,
      priority: 1,
      'lines._id': 1,
      'lines.product': 1,
      'lines.quantity': 1,
      'lines.minimumLot': 1,
    },
  )
    .sort({ shipBy: 1, _id: 1 })
    // Batches of a size the database answers in a few milliseconds: open orders run to tens of
    // thousands, and one batch of them all held the database from every other request meanwhile.
    .batchSize(ORDERS_PER_BATCH)
    .lean<DemandOfOrder[]>();
  const orders = background ? await readInBackground(query.cursor()) : await query;
  if (orders.length === 0) return [];

  // No job is planned before its order was placed, so the weeks since the oldest open order hold
  // every covering job.
  const oldestPlaced = orders.reduce(
    (oldest, order) => (order.placedAt < oldest ? order.placedAt : oldest),
    orders[0].placedAt,
  );
  const sinceWeek = isoWeekLabel(oldestPlaced);
  const coveredByLine = background ? await readKeptCoveredUnits(sinceWeek) : await readCoveredUnits(sinceWeek);
  const productIds = [...new Set(orders.flatMap((order) => order.lines.map((line) => String(line.product))))];
  const products = await Product.find({ _id: { $in: productIds } }).lean();
  const productById = new Map(products.map((product) => [String(product._id), product]));

  return runStepsAs(linesOfOrders({ orders, coveredByLine, productById }), { background });
}

/** The uncovered lines of `orders`, a batch of orders a step. */
function* linesOfOrders({
  orders,
  coveredByLine,
  productById,
}: {
  orders: readonly DemandOfOrder[];
  coveredByLine: CoveredUnits;
  productById: ReadonlyMap<string, ProductDoc>;
}): Steps<UncoveredOrderLine[]> {
  const lines: UncoveredOrderLine[] = [];
  // A Nairobi week label costs calendar arithmetic, and open orders share a few dozen ship-by days.
  const weekOfShipBy = new Map<number, WeekLabel>();
  for (const [index, order] of orders.entries()) {
    if (index > 0 && index % ORDERS_PER_BATCH === 0) yield;
    const shipByTime = order.shipBy.getTime();
    let shipByWeek = weekOfShipBy.get(shipByTime);
    if (shipByWeek === undefined) {
      shipByWeek = isoWeekLabel(order.shipBy);
      weekOfShipBy.set(shipByTime, shipByWeek);
    }
    for (const line of order.lines) {
      const product = productById.get(String(line.product));
      const units = line.quantity - (coveredByLine.get(String(line._id)) ?? 0);
      if (!product || units <= 0) continue;
      lines.push({
        orderId: order._id,
        orderLineId: line._id,
        reference: order.reference,
        productId: product._id,
        sku: product.sku,
        skill: product.requiredSkill,
        labourMinutesPerUnit: product.labourMinutesPerUnit,
        pieceRateCents: product.pieceRateCents,
        units,
        shipBy: order.shipBy,
        shipByWeek,
        priority: order.priority,
        ...(line.minimumLot ? { minimumLot: line.minimumLot } : {}),
      });
    }
  }
  return lines;
}

/** Every document of `cursor`, a batch at a time in the background (the next batch is asked for after a rest). */
async function readInBackground<T>(cursor: AsyncIterable<T>): Promise<T[]> {
  const documents: T[] = [];
  const giveWay = backgroundPace();
  for await (const document of cursor) {
    documents.push(document);
    if (documents.length % ORDERS_PER_BATCH === 0) await giveWay();
  }
  return documents;
}
