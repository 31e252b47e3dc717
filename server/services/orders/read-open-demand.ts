import { z } from 'zod';

import { weekLabelString } from '../../domain/input-schemas';
import { type Skill } from '../../domain/skills';
import { validateInput } from '../../domain/validate-input';
import { weekRange, type WeekLabel } from '../../domain/weeks';
import { listUncoveredOrderLines } from './list-uncovered-order-lines';

export interface DemandCell {
  /** The ship-by week; demand already overdue is reported in its own (past) week. */
  week: WeekLabel;
  skill: Skill;
  units: number;
  minutes: number;
  orders: number;
}

const ReadOpenDemandInput = z.object({
  /** Last ship-by week to include (inclusive); every earlier week, overdue ones too, is included. */
  throughWeek: weekLabelString.optional(),
});

/** Open demand by ship-by week × skill: units and labour minutes no job covers yet. */
export async function readOpenDemand(input: z.input<typeof ReadOpenDemandInput> = {}): Promise<DemandCell[]> {
  const { throughWeek } = validateInput(ReadOpenDemandInput, input);
  const shipByBefore = throughWeek ? weekRange(throughWeek, 1)[0].end : undefined;
  const lines = await listUncoveredOrderLines({ shipByBefore });

  const cells = new Map<string, DemandCell & { orderIds: Set<string> }>();
  for (const line of lines) {
    const key = `${line.shipByWeek}|${line.skill}`;
    const cell = cells.get(key) ?? {
      week: line.shipByWeek,
      skill: line.skill,
      units: 0,
      minutes: 0,
      orders: 0,
      orderIds: new Set(),
    };
    cell.units += line.units;
    cell.minutes += line.units * line.labourMinutesPerUnit;
    cell.orderIds.add(String(line.orderId));
    cells.set(key, cell);
  }
  return [...cells.values()]
    .map(({ orderIds, ...cell }) => ({ ...cell, orders: orderIds.size }))
    .sort((left, right) => left.week.localeCompare(right.week) || left.skill.localeCompare(right.skill));
}
