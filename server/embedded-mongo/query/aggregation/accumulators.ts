import { type Document, Double, Int32 } from 'bson';

import { compareValues } from '../../bson/compare';
import { bsonTypeOf, DecimalArithmeticError, isNumeric, numericValue } from '../../bson/values';
import { arithmetic } from '../update/numeric-ops';

/** A running accumulation for one group and one output field. */
export interface Accumulation {
  add(value: unknown): void;
  result(): unknown;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function sum(): Accumulation {
  // While every value is an int32 and the total fits, it is kept as a plain number: no object per addition.
  // Any other value hands the total to the typed arithmetic, which widens it exactly as MongoDB does.
  let small = 0;
  let total: unknown;
  return {
    add(value) {
      if (total === undefined && bsonTypeOf(value) === 'Int32') {
        const next = small + (value as Int32).value;
        if (next >= INT32_MIN && next <= INT32_MAX) {
          small = next;
          return;
        }
      }
      // $sum ignores non-numbers, as MongoDB does.
      if (isNumeric(value)) total = arithmetic('$inc', total ?? new Int32(small), value, '$sum');
    },
    result() {
      return total ?? new Int32(small);
    },
  };
}

function average(): Accumulation {
  let total = 0;
  let count = 0;
  return {
    add(value) {
      if (!isNumeric(value)) return;
      if (bsonTypeOf(value) === 'Decimal128') throw new DecimalArithmeticError();
      total += numericValue(value) ?? 0;
      count += 1;
    },
    result() {
      return count === 0 ? null : new Double(total / count);
    },
  };
}

function extreme(direction: 1 | -1): Accumulation {
  let best: unknown;
  return {
    add(value) {
      if (value === undefined || value === null) return;
      if (best === undefined || compareValues(value, best) * direction > 0) best = value;
    },
    result() {
      return best === undefined ? null : best;
    },
  };
}

function first(): Accumulation {
  let seen = false;
  let kept: unknown;
  return {
    add(value) {
      if (!seen) {
        seen = true;
        kept = value;
      }
    },
    result() {
      return kept === undefined ? null : kept;
    },
  };
}

function last(): Accumulation {
  let kept: unknown;
  return {
    add(value) {
      kept = value;
    },
    result() {
      return kept === undefined ? null : kept;
    },
  };
}

function push(): Accumulation {
  const values: unknown[] = [];
  return {
    add(value) {
      if (value !== undefined) values.push(value);
    },
    result() {
      return values;
    },
  };
}

function addToSet(): Accumulation {
  const values: unknown[] = [];
  return {
    add(value) {
      if (value !== undefined && !values.some((existing) => compareValues(existing, value) === 0)) values.push(value);
    },
    result() {
      return values;
    },
  };
}

function count(): Accumulation {
  let n = 0;
  return {
    add() {
      n += 1;
    },
    result() {
      return new Int32(n);
    },
  };
}

const FACTORIES: Record<string, () => Accumulation> = {
  $sum: sum,
  $avg: average,
  $min: () => extreme(-1),
  $max: () => extreme(1),
  $first: first,
  $last: last,
  $push: push,
  $addToSet: addToSet,
  $count: count,
};

/** The accumulator for a `{ $op: argument }` spec, or undefined when this server leaves it to mingo. */
export function accumulatorFor(spec: unknown): { create: () => Accumulation; argument: unknown } | undefined {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) return undefined;
  const keys = Object.keys(spec as Document);
  if (keys.length !== 1) return undefined;
  if (!Object.prototype.hasOwnProperty.call(FACTORIES, keys[0])) return undefined;
  return { create: FACTORIES[keys[0]], argument: (spec as Document)[keys[0]] };
}
