import { Double, Int32, Long } from 'bson';

import { bsonTypeOf, numericValue } from '../../bson/values';
import { ErrorCode, MongoCommandError } from '../../errors';

type NumberKind = 'int' | 'long' | 'double';

function kindOf(value: unknown): NumberKind | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) <= 2147483647 ? 'int' : 'double';
  switch (bsonTypeOf(value)) {
    case 'Int32':
      return 'int';
    case 'Long':
      return 'long';
    case 'Double':
      return 'double';
    case 'Decimal128':
      throw new MongoCommandError(
        ErrorCode.NotImplemented,
        'Decimal128 arithmetic is not supported by the embedded server',
      );
    default:
      return undefined;
  }
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function toLong(value: unknown): Long {
  if (bsonTypeOf(value) === 'Long') return value as Long;
  return Long.fromNumber(numericValue(value) ?? 0);
}

/**
 * MongoDB's arithmetic type rules: int op int stays int (widening to long on overflow), anything with a long
 * is long, anything with a double is double.
 */
export function arithmetic(
  operator: '$inc' | '$mul',
  current: unknown,
  operand: unknown,
  field: string,
): Int32 | Long | Double {
  const left = kindOf(current);
  const right = kindOf(operand);
  if (right === undefined) {
    throw new MongoCommandError(
      ErrorCode.TypeMismatch,
      `Cannot ${operator === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${field}: ${String(operand)}}`,
    );
  }
  if (left === undefined) {
    throw new MongoCommandError(
      ErrorCode.TypeMismatch,
      `Cannot apply ${operator} to a value of non-numeric type. {_id: ...} has the field '${field}' of non-numeric type ${typeof current}`,
    );
  }
  if (left === 'double' || right === 'double') {
    const a = numericValue(current) ?? 0;
    const b = numericValue(operand) ?? 0;
    return new Double(operator === '$inc' ? a + b : a * b);
  }
  if (left === 'int' && right === 'int') {
    const a = numericValue(current) ?? 0;
    const b = numericValue(operand) ?? 0;
    const result = operator === '$inc' ? a + b : a * b;
    if (result >= INT32_MIN && result <= INT32_MAX) return new Int32(result);
    if (Number.isSafeInteger(result)) return Long.fromNumber(result);
  }
  const a = toLong(current);
  const b = toLong(operand);
  return operator === '$inc' ? a.add(b) : a.multiply(b);
}

/** The starting value of a missing field for $inc/$mul: the operand's type (zero for $mul). */
export function zeroLike(operand: unknown): Int32 | Long | Double {
  const kind = kindOf(operand);
  if (kind === 'long') return Long.ZERO;
  if (kind === 'double') return new Double(0);
  return new Int32(0);
}

export function bitwise(current: unknown, spec: Record<string, unknown>, field: string): Int32 | Long {
  const kind = current === undefined ? 'int' : kindOf(current);
  if (kind !== 'int' && kind !== 'long') {
    throw new MongoCommandError(
      ErrorCode.TypeMismatch,
      `Cannot apply $bit to a value of non-integral type in field '${field}'`,
    );
  }
  let value = toLong(current ?? 0);
  let wide = kind === 'long';
  for (const [operation, operand] of Object.entries(spec)) {
    const operandKind = kindOf(operand);
    if (operandKind !== 'int' && operandKind !== 'long')
      throw new MongoCommandError(ErrorCode.BadValue, `$bit ${operation} needs an integer operand`);
    if (operandKind === 'long') wide = true;
    const other = toLong(operand);
    if (operation === 'and') value = value.and(other);
    else if (operation === 'or') value = value.or(other);
    else if (operation === 'xor') value = value.xor(other);
    else
      throw new MongoCommandError(
        ErrorCode.BadValue,
        `The $bit modifier only supports 'and', 'or', and 'xor', not '${operation}'`,
      );
  }
  return wide ? value : new Int32(value.toInt());
}
