import { parseDay, weekEndDate } from '../../capacity-check/check-calendar';
import { readCheckNetwork } from '../../capacity-check/read-check-network';
import { type NewDemand, serveNewDemand } from '../../capacity-check/serve-new-demand';
import { type Skill } from '../../domain/skills';
import { nairobiDateString } from '../../domain/weeks';

export interface LineToPromise {
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
 * (one engine for both): the lines are asked together, after every open order and hold, as of
 * `now`, so lines of several orders arriving at once (a purchase-order import) are not promised
 * the same free minutes twice. A line that can be made by its ship-by date is promised that date;
 * otherwise the last day of the first week by which it can be; null when not even the planning
 * horizon (12 weeks) has room.
 */
export async function promiseShipDates({
  now,
  lines,
}: {
  now: Date;
  lines: readonly LineToPromise[];
}): Promise<(string | null)[]> {
  if (lines.length === 0) return [];
  const network = await readCheckNetwork({ now });
  const startDay = parseDay(network.horizon.startDate) as number;
  const weeks = network.horizon.labels.length;
  const asked = lines.map((line) => nairobiDateString(line.shipBy));
  // Each line is asked by its own ship-by date, or by `date` when that is later.
  const fits = (date: string | null) =>
    serveNewDemand({
      problem: network.problem,
      demand: lines.map(({ shipBy: _shipBy, ...line }, index): NewDemand => ({
        ...line,
        dueDate: date !== null && date > asked[index] ? date : asked[index],
      })),
    }).lines.map((served, index) => served.units >= lines[index].quantity);

  const promised: (string | null)[] = fits(null).map((fit, index) => (fit ? asked[index] : null));
  for (let week = 0; week < weeks && promised.includes(null); week++) {
    const date = weekEndDate({ startDay, week });
    fits(date).forEach((fit, index) => {
      if (fit && promised[index] === null) promised[index] = date > asked[index] ? date : asked[index];
    });
  }
  return promised;
}
