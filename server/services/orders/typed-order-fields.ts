import { readTypedDay, TYPED_DAY_SAMPLE } from '../../domain/typed-day';

/** The most units one line may ask for (the order service's own limit). */
export const MAX_LINE_QUANTITY = 100_000;

export type Typed<Value> = { value: Value; problem?: undefined } | { value?: undefined; problem: string };

/** A quantity typed on HQ's form or in a purchase-order file: a whole number of units, at least 1. */
export function readTypedQuantity(text: string): Typed<number> {
  const typed = text.trim().replace(/[\s,_]/g, '');
  if (typed === '') return { problem: 'is required' };
  if (!/^-?\d+(\.\d+)?$/.test(typed)) return { problem: `"${text.trim()}" is not a number` };
  const quantity = Number(typed);
  if (!Number.isInteger(quantity)) return { problem: `${typed} is not a whole number of units` };
  if (quantity < 1) return { problem: 'must be at least 1' };
  if (quantity > MAX_LINE_QUANTITY) return { problem: `must be at most ${MAX_LINE_QUANTITY.toLocaleString('en')}` };
  return { value: quantity };
}

/** A ship-by day typed as people write days ("7 Nov 2026", "7/11/2026", ISO), as "YYYY-MM-DD". */
export function readTypedShipBy(text: string): Typed<string> {
  if (text.trim() === '') return { problem: 'is required' };
  const day = readTypedDay(text);
  return day ? { value: day } : { problem: `"${text.trim()}" is not a date; write it like ${TYPED_DAY_SAMPLE}` };
}
