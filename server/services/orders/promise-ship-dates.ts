import { parseDay, weekEndDate } from '../../capacity-check/check-calendar';
import { type NewDemand, serveNewDemand } from '../../capacity-check/serve-new-demand';
import { type Skill } from '../../domain/skills';
import { nairobiDateString } from '../../domain/weeks';
import { readPromiseBook } from './promise-book';

/** Rounding the flow's minutes may lose; far below any unit's labour. */
const MINUTE_TOLERANCE = 1e-6;

export interface LineToPromise {
  skill: Skill;
  quantity: number;
  minutesPerUnit: number;
  pieceRateCents: number;
  minLot: number;
}

/**
 * A ship date for each line of an order (Nairobi "YYYY-MM-DD"), from the designers'
 * capacity-check engine (one engine for both): the order's lines are asked together, after every
 * open order, hold and line promised before them (see promise-book.ts), as of `now`. A line that
 * can be made by the ship-by date is promised that date; otherwise the last day of the first
 * week by which it can be; null when not even the planning horizon (12 weeks) has room. The
 * lines promised are carried by the book, so the next order is promised after them.
 */
export async function promiseShipDates({
  orderId,
  now,
  shipBy,
  lines,
}: {
  /** The order being promised, so that its own `order:created` keeps the book. */
  orderId: string;
  now: Date;
  shipBy: Date;
  lines: readonly LineToPromise[];
}): Promise<(string | null)[]> {
  const book = await readPromiseBook({ now });
  const { network, carried } = book;
  const startDay = parseDay(network.horizon.startDate) as number;
  const weeks = network.horizon.labels.length;
  const asked = nairobiDateString(shipBy);
  const fits = (dueDate: string): boolean[] => {
    const served = serveNewDemand({
      problem: network.problem,
      demand: [...carried, ...lines.map((line) => ({ ...line, dueDate }))],
    }).lines;
    // Lines promised before keep their promise: if serving this order would take from them, it
    // does not fit by this date. (Their minutes are compared: the flow may leave a unit's minutes
    // in pieces across weeks, which the whole-unit count of a line already promised need not see.)
    const earlierKept = carried.every(
      (line, index) => served[index].minutes >= line.quantity * line.minutesPerUnit - MINUTE_TOLERANCE,
    );
    return lines.map((line, index) => earlierKept && served[carried.length + index].units >= line.quantity);
  };

  const promised: (string | null)[] = fits(asked).map((fit) => (fit ? asked : null));
  for (let week = 0; week < weeks && promised.includes(null); week++) {
    const date = weekEndDate({ startDay, week });
    if (date <= asked) continue;
    fits(date).forEach((fit, index) => {
      if (fit && promised[index] === null) promised[index] = date;
    });
  }
  const kept: NewDemand[] = lines.flatMap((line, index) => {
    const dueDate = promised[index];
    return dueDate ? [{ ...line, dueDate }] : [];
  });
  book.carried.push(...kept);
  book.promisedOrders.add(orderId);
  return promised;
}
