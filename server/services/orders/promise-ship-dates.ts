import { parseDay, weekEndDate } from '../../capacity-check/check-calendar';
import { type NewDemand, serveNewDemand } from '../../capacity-check/serve-new-demand';
import { type Skill } from '../../domain/skills';
import { nairobiDateString } from '../../domain/weeks';
import { carryPromisedLines, readPromiseBook } from './promise-book';

export interface LineToPromise {
  /** The order the line is on. */
  orderId: string;
  skill: Skill;
  quantity: number;
  minutesPerUnit: number;
  pieceRateCents: number;
  minLot: number;
  /** The ship-by date its order asks for. */
  shipBy: Date;
}

/**
 * A ship date for each line (Nairobi "YYYY-MM-DD"), from the designers' capacity-check engine
 * (one engine for both): the lines are asked together, after every open order, hold and line
 * promised before them (see promise-book.ts), as of `now`, so lines of several orders arriving at
 * once (a purchase-order import) are not promised the same free minutes twice. A line that can be
 * made by its ship-by date is promised that date; otherwise the last day of the first week by
 * which it can be; null when not even the planning horizon (12 weeks) has room. The lines
 * promised are carried by the book, so the next order is promised after them.
 */
export async function promiseShipDates({
  now,
  lines,
}: {
  now: Date;
  lines: readonly LineToPromise[];
}): Promise<(string | null)[]> {
  if (lines.length === 0) return [];
  const book = await readPromiseBook({ now });
  const { network, served } = book;
  const startDay = parseDay(network.horizon.startDate) as number;
  const weeks = network.horizon.labels.length;
  const asked = lines.map((line) => nairobiDateString(line.shipBy));
  const demandOf = (line: LineToPromise, dueDate: string): NewDemand => {
    const { shipBy: _shipBy, orderId: _orderId, ...demand } = line;
    return { ...demand, dueDate };
  };
  // Each line is asked by its own ship-by date, or by `date` when that is later. Lines promised
  // before are served ahead of these (the book carries them), and the flow never takes minutes
  // from what it served earlier: they keep their promise.
  const dueDatesBy = (date: string | null): string[] =>
    asked.map((shipBy) => (date !== null && date > shipBy ? date : shipBy));
  const fits = (dueDates: readonly string[], checked: boolean): boolean[] => {
    const answered = serveNewDemand({
      problem: network.problem,
      served,
      withPools: false,
      // Only the first question checks the lines: the later ones ask them again by later dates.
      checked,
      demand: lines.map((line, index) => demandOf(line, dueDates[index])),
    }).lines;
    return lines.map((line, index) => answered[index].units >= line.quantity);
  };

  let lastAsked = dueDatesBy(null);
  const promised: (string | null)[] = fits(lastAsked, false).map((fit, index) => (fit ? asked[index] : null));
  // On a full network most lines left fit no week of the horizon at all: one question by its last
  // week tells which can be made, and the weeks are asked only until each of those is promised
  // (a line that does not fit by the last week, with every line asked that late, fits no earlier).
  const makeable =
    promised.includes(null) && weeks > 0
      ? fits(dueDatesBy(weekEndDate({ startDay, week: weeks - 1 })), true)
      : lines.map(() => false);
  const waiting = () => promised.some((date, index) => date === null && makeable[index]);
  for (let week = 0; week < weeks && waiting(); week++) {
    const date = weekEndDate({ startDay, week });
    const dueDates = dueDatesBy(date);
    // A week ending before every line's ship-by asks the question just answered again: the same
    // answer, and every line it fits is promised already. (Most lines are asked for weeks ahead.)
    if (dueDates.every((dueDate, index) => dueDate === lastAsked[index])) continue;
    lastAsked = dueDates;
    fits(dueDates, true).forEach((fit, index) => {
      if (fit && promised[index] === null) promised[index] = dueDates[index];
    });
  }
  carryPromisedLines({
    book,
    orderIds: [...new Set(lines.map((line) => line.orderId))],
    lines: lines.flatMap((line, index) => {
      const dueDate = promised[index];
      return dueDate ? [{ orderId: line.orderId, demand: demandOf(line, dueDate) }] : [];
    }),
  });
  return promised;
}
