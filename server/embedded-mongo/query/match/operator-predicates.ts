import { type BSONRegExp, type Document } from 'bson';

import { compareValues, TypeRank, typeRankOf } from '../../bson/compare';
import { bsonTypeOf, isPlainObject, numericValue, toJsRegExp } from '../../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../../errors';
import { idKeyOf } from '../../storage/id-key';
import { hasBsonType, isKnownTypeAlias } from './bson-type-names';
import { someExpanded } from './path-candidates';

/** Tests the values a path reached (see reachedValues) against one operator. */
export type ValuesPredicate = (reached: unknown[]) => boolean;

export type SubfilterCompiler = (filter: Document) => (doc: unknown) => boolean;

function isRegex(value: unknown): value is RegExp | BSONRegExp {
  return value instanceof RegExp || bsonTypeOf(value) === 'BSONRegExp';
}

function asRegExp(value: RegExp | BSONRegExp): RegExp {
  return value instanceof RegExp ? value : toJsRegExp(value);
}

/** Equality as MongoDB's $eq means it: a regex operand matches strings, anything else compares by value. */
export function equalsOperand(operand: unknown): (value: unknown) => boolean {
  if (isRegex(operand)) {
    const regex = asRegExp(operand);
    return (value) =>
      typeof value === 'string' ? regex.test(value) : isRegex(value) && compareValues(value, operand) === 0;
  }
  const rank = typeRankOf(operand);
  return (value) => typeRankOf(value) === rank && compareValues(value, operand) === 0;
}

function comparison(operand: unknown, accept: (c: number) => boolean): ValuesPredicate {
  const rank = typeRankOf(operand);
  const bracketFree = rank === TypeRank.MinKey || rank === TypeRank.MaxKey;
  const test = (value: unknown): boolean =>
    (bracketFree || typeRankOf(value) === rank) && accept(compareValues(value, operand));
  return (reached) => someExpanded(reached, test);
}

/** Values whose equality is exactly "same canonical key" (see idKeyOf), so `$in` can use a hash set for them. */
function isHashable(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return true;
  if (value instanceof Date) return true;
  const tag = bsonTypeOf(value);
  return tag === 'ObjectId' || tag === 'Int32' || tag === 'Double' || tag === 'Long';
}

function inList(operand: unknown, operator: string): ValuesPredicate {
  if (!Array.isArray(operand)) throw badValue(`${operator} needs an array`);
  // Scalars go in a hash set (a large $in must not cost values × documents); regexes, documents and arrays
  // are tested one by one.
  const keys = new Set<string>();
  const tests: Array<(value: unknown) => boolean> = [];
  for (const item of operand) {
    if (isPlainObject(item) && Object.keys(item).some((key) => key.startsWith('$')))
      throw badValue(`cannot nest $ under ${operator}`);
    if (isHashable(item)) keys.add(idKeyOf(item));
    else tests.push(equalsOperand(item));
  }
  const matches = (value: unknown): boolean =>
    (isHashable(value) && keys.has(idKeyOf(value))) || tests.some((test) => test(value));
  return (reached) => someExpanded(reached, matches);
}

function regexPredicate(pattern: unknown, options: unknown): ValuesPredicate {
  let regex: RegExp;
  if (isRegex(pattern)) {
    regex = asRegExp(pattern);
    if (typeof options === 'string' && options) regex = new RegExp(regex.source, options.replace(/[^imsu]/g, ''));
  } else if (typeof pattern === 'string') {
    regex = new RegExp(pattern, typeof options === 'string' ? options.replace(/[^imsu]/g, '') : '');
  } else {
    throw badValue('$regex has to be a string');
  }
  const test = (value: unknown): boolean => typeof value === 'string' && regex.test(value);
  return (reached) => someExpanded(reached, test);
}

/** Builds the predicate for one `{ $op: operand }` entry of a field condition. */
export function operatorPredicate(
  operator: string,
  operand: unknown,
  condition: Document,
  compileSubfilter: SubfilterCompiler,
): ValuesPredicate | undefined {
  switch (operator) {
    case '$eq': {
      const test = equalsOperand(operand);
      return (reached) => someExpanded(reached, test);
    }
    case '$ne': {
      const test = equalsOperand(operand);
      return (reached) => !someExpanded(reached, test);
    }
    case '$gt':
      return comparison(operand, (c) => c > 0);
    case '$gte':
      return comparison(operand, (c) => c >= 0);
    case '$lt':
      return comparison(operand, (c) => c < 0);
    case '$lte':
      return comparison(operand, (c) => c <= 0);
    case '$in':
      return inList(operand, '$in');
    case '$nin': {
      const test = inList(operand, '$nin');
      return (reached) => !test(reached);
    }
    case '$exists': {
      const wanted = Boolean(numericValue(operand) ?? operand);
      return (reached) => reached.some((value) => value !== undefined) === wanted;
    }
    case '$type': {
      const aliases = Array.isArray(operand) ? operand : [operand];
      const normalised = aliases.map((alias) => numericValue(alias) ?? alias);
      for (const alias of normalised)
        if (!isKnownTypeAlias(alias)) throw badValue(`Unknown type name alias: ${String(alias)}`);
      return (reached) => someExpanded(reached, (value) => normalised.some((alias) => hasBsonType(value, alias)));
    }
    case '$size': {
      const size = numericValue(operand);
      if (size === undefined || !Number.isInteger(size)) throw badValue('$size needs a whole number');
      return (reached) => reached.some((value) => Array.isArray(value) && value.length === size);
    }
    case '$all': {
      if (!Array.isArray(operand)) throw badValue('$all needs an array');
      if (operand.length === 0) return () => false;
      const parts = operand.map((item) =>
        isPlainObject(item) && '$elemMatch' in item
          ? (operatorPredicate('$elemMatch', item.$elemMatch, item, compileSubfilter) as ValuesPredicate)
          : operatorPredicate('$eq', item, condition, compileSubfilter)!,
      );
      return (reached) => parts.every((part) => part(reached));
    }
    case '$elemMatch': {
      if (!isPlainObject(operand)) throw badValue('$elemMatch needs an Object');
      const keys = Object.keys(operand);
      const operatorForm =
        keys.length > 0 &&
        keys.every((key) => key.startsWith('$') && !['$and', '$or', '$nor', '$expr', '$where'].includes(key));
      const test = operatorForm ? compileSubfilter({ value: operand }) : compileSubfilter(operand);
      return (reached) =>
        reached.some(
          (value) =>
            Array.isArray(value) &&
            value.some((element) =>
              operatorForm ? test({ value: element }) : isPlainObject(element) && test(element),
            ),
        );
    }
    case '$regex':
      return regexPredicate(operand, condition.$options);
    case '$options':
      if (!('$regex' in condition)) throw badValue('$options needs a $regex');
      return undefined;
    case '$mod': {
      if (!Array.isArray(operand) || operand.length !== 2)
        throw badValue('malformed mod, needs to be an array of [divisor, remainder]');
      const divisor = numericValue(operand[0]);
      const remainder = numericValue(operand[1]);
      if (!divisor || remainder === undefined) throw badValue('divisor cannot be 0');
      return (reached) =>
        someExpanded(reached, (value) => {
          const n = typeRankOf(value) === TypeRank.Number ? numericValue(value) : undefined;
          return n !== undefined && Math.trunc(n) % Math.trunc(divisor) === Math.trunc(remainder);
        });
    }
    case '$not': {
      if (isRegex(operand)) {
        const test = regexPredicate(operand, undefined);
        return (reached) => !test(reached);
      }
      if (!isPlainObject(operand) || Object.keys(operand).length === 0)
        throw badValue('$not needs a regex or a document');
      const inner = Object.entries(operand)
        .map(([op, value]) => operatorPredicate(op, value, operand, compileSubfilter))
        .filter(Boolean) as ValuesPredicate[];
      return (reached) => !inner.every((test) => test(reached));
    }
    case '$comment':
      return undefined;
    default:
      throw new MongoCommandError(
        operator.startsWith('$bits') || operator === '$geoWithin' || operator === '$near'
          ? ErrorCode.NotImplemented
          : ErrorCode.BadValue,
        operator.startsWith('$bits') || operator.startsWith('$geo') || operator.startsWith('$near')
          ? `${operator} is not supported by the embedded server`
          : `unknown operator: ${operator}`,
      );
  }
}
