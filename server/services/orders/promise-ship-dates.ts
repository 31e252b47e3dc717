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
}

/**
 * A ship date for each line of a channel's order (Nairobi "YYYY-MM-DD"), from the designers'
 * capacity-check engine (one engine for both): the order's lines are asked together, after every
 * open order and hold, as of `now`. A line that can be made by the ship-by date is promised that
 * date; otherwise the last day of the first week by which it can be; null when not even the
 * planning horizon (12 weeks) has room.
 */
export async function promiseShipDates({
  now,
  shipBy,
  lines,
}: {
  now: Date;
  shipBy: Date;
  lines: readonly LineToPromise[];
}): Promise<(string | null)[]> {
  const network = await readCheckNetwork({ now });
  const startDay = parseDay(network.horizon.startDate) as number;
  const weeks = network.horizon.labels.length;
  const asked = nairobiDateString(shipBy);
  const demandBy = (dueDate: string): NewDemand[] => lines.map((line) => ({ ...line, dueDate }));
  const fits = (dueDate: string) =>
    serveNewDemand({ problem: network.problem, demand: demandBy(dueDate) }).lines.map(
      (served, index) => served.units >= lines[index].quantity,
    );

  const promised: (string | null)[] = fits(asked).map((fit) => (fit ? asked : null));
  for (let week = 0; week < weeks && promised.includes(null); week++) {
    const date = weekEndDate({ startDay, week });
    if (date <= asked) continue;
    fits(date).forEach((fit, index) => {
      if (fit && promised[index] === null) promised[index] = date;
    });
  }
  return promised;
}
