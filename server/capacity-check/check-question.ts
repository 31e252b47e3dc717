import { z } from 'zod';

import { calendarDayString } from '../capacity/calendar-days';
import { objectIdString } from '../domain/input-schemas';
import { type Skill } from '../domain/skills';

/** "Without moving any open order" or "allowing lower-priority orders to move". */
export const CHECK_MODES = ['keep-orders', 'move-lower-priority'] as const;
export type CheckMode = (typeof CHECK_MODES)[number];

/** How late a normal-priority order may finish when the designer lets lower-priority orders move. */
export const MOVABLE_DAYS = 7;
/** Most products one question (a launch) may name. */
export const MAX_LAUNCH_LINES = 10;

/** The designer's question: N of product X (or a launch of several) by date D. */
export const CapacityQuestion = z.object({
  lines: z
    .array(
      z.object({
        productId: objectIdString,
        quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000),
      }),
    )
    .min(1, 'name at least one product')
    .max(MAX_LAUNCH_LINES, `a launch has at most ${MAX_LAUNCH_LINES} products`),
  by: calendarDayString,
  mode: z.enum(CHECK_MODES).default('keep-orders'),
});
export type CapacityQuestion = z.input<typeof CapacityQuestion>;

/** A product as the check needs it. */
export interface CheckProduct {
  productId: string;
  sku: string;
  name: string;
  skill: Skill;
  minutesPerUnit: number;
  pieceRateCents: number;
  minLot: number;
}

export interface CheckLine {
  product: CheckProduct;
  quantity: number;
}
