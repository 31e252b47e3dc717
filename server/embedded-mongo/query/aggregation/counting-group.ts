import { type Document, Int32, Long } from 'bson';

import { bsonTypeOf, isPlainObject } from '../../bson/values';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** A group `_id` that evaluates to itself whatever the document: a literal that is not a field path or operator. */
function isConstantId(value: unknown): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return true;
  if (typeof value === 'string') return !value.startsWith('$');
  if (value instanceof Date) return true;
  const tag = bsonTypeOf(value);
  return tag === 'Int32' || tag === 'Double' || tag === 'Long';
}

/** The whole-number constant of `{ $sum: k }` as an int64, or undefined when $sum takes anything else. */
function wholeSumOperand(operand: unknown): { value: Long; wide: boolean } | undefined {
  if (typeof operand === 'number') {
    // A JS number is an int32 to $sum when whole and within int32's range; otherwise a double.
    return Number.isInteger(operand) && Math.abs(operand) <= INT32_MAX
      ? { value: Long.fromNumber(operand), wide: false }
      : undefined;
  }
  const tag = bsonTypeOf(operand);
  if (tag === 'Int32') return { value: Long.fromNumber((operand as Int32).value), wide: false };
  if (tag === 'Long') return { value: operand as Long, wide: true };
  return undefined;
}

/**
 * `n` additions of `operand` with $sum's typing: int32 while the total fits, int64 beyond it or when the
 * operand is an int64. The additions all have one sign, so the total leaves int32's range only at the end.
 */
function repeatedSum(operand: { value: Long; wide: boolean }, n: number): Int32 | Long {
  const total = Long.fromNumber(n).multiply(operand.value);
  if (operand.wide) return total;
  const asNumber = total.toNumber();
  return asNumber >= INT32_MIN && asNumber <= INT32_MAX ? new Int32(asNumber) : total;
}

/**
 * For a `$group` that only counts — a constant `_id`, and fields that are `{ $count: {} }` or `{ $sum: k }` with
 * a whole-number constant k (the driver's countDocuments sends `{ _id: 1, n: { $sum: 1 } }`) — a function from
 * the number of input documents to the stage's output, so the documents need not be read. Undefined for
 * any other `$group`, which runs normally.
 */
export function countingGroup(spec: unknown): ((n: number) => Document[]) | undefined {
  if (!isPlainObject(spec) || !('_id' in spec) || !isConstantId(spec._id)) return undefined;
  const outputs: Array<(n: number) => unknown> = [];
  const names: string[] = [];
  for (const [name, accumulator] of Object.entries(spec)) {
    if (name === '_id') continue;
    if (!isPlainObject(accumulator) || Object.keys(accumulator).length !== 1) return undefined;
    if (isPlainObject(accumulator.$count) && Object.keys(accumulator.$count).length === 0) {
      outputs.push((n) => new Int32(n));
    } else {
      const operand = '$sum' in accumulator ? wholeSumOperand(accumulator.$sum) : undefined;
      if (!operand) return undefined;
      outputs.push((n) => repeatedSum(operand, n));
    }
    names.push(name);
  }
  const id = spec._id;
  return (n) => {
    // No input documents make no group at all.
    if (n === 0) return [];
    const out: Document = { _id: id };
    names.forEach((name, i) => {
      out[name] = outputs[i](n);
    });
    return [out];
  };
}
