import { type Document } from 'bson';

import { bsonTypeOf, isPlainObject } from '../bson/values';
import { type QueryPlan } from './planner';

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

/**
 * Values for which an index lookup and the matcher agree exactly: both compare with compareValues inside one
 * type bracket. Null (which also matches missing fields), documents, arrays and regular expressions have
 * further matching rules, so they are left to the matcher.
 */
function isSimpleValue(value: unknown): boolean {
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return true;
  if (value instanceof Date) return true;
  const tag = bsonTypeOf(value);
  return tag === 'ObjectId' || tag === 'Int32' || tag === 'Double' || tag === 'Long';
}

/** `v`, `{ $eq: v }` or `{ $in: [v, …] }` with simple values: exactly the points an index plan looks up. */
function isPointCondition(condition: unknown): boolean {
  if (!isPlainObject(condition)) return isSimpleValue(condition);
  const operators = Object.keys(condition);
  if (operators.length !== 1) return false;
  const operand = condition[operators[0]];
  if (operators[0] === '$eq') return isSimpleValue(operand);
  return operators[0] === '$in' && Array.isArray(operand) && operand.every(isSimpleValue);
}

/**
 * At most one lower and one upper bound (`$gt`/`$gte`, `$lt`/`$lte`) on simple values: exactly the range an index
 * plan scans. Two lower bounds would both have to hold, but the plan scans from only one of them.
 */
function isRangeCondition(condition: unknown): boolean {
  if (!isPlainObject(condition)) return false;
  const operators = Object.keys(condition);
  const lower = operators.filter((operator) => operator === '$gt' || operator === '$gte').length;
  return (
    operators.length > 0 &&
    lower <= 1 &&
    operators.length - lower <= 1 &&
    operators.every((operator) => RANGE_OPERATORS.has(operator) && isSimpleValue(condition[operator]))
  );
}

/**
 * Whether every document a plan yields matches the filter, so it need not be tested again. True when the
 * filter is nothing but the conditions the plan looks up — `_id` points, or equality points on an index's
 * leading fields and at most one range after them — on an index without arrays (multikey entries can match
 * through different elements) that holds every document.
 */
export function indexAnswersExactly(plan: QueryPlan, filter: Document | undefined): boolean {
  if (!filter) return false;
  const fields = Object.keys(filter);
  if (plan.kind === 'ids') return fields.length === 1 && fields[0] === '_id' && isPointCondition(filter._id);
  if (plan.kind !== 'index' || plan.index.multikey || !plan.index.complete) return false;
  const first = plan.scans[0];
  // An empty `$in` gives no scans: nothing matches and nothing is found.
  if (!first) return true;
  const pointFields = plan.index.fields.slice(0, first.prefix.length).map((field) => field.path);
  const rangeField = first.range ? plan.index.fields[first.prefix.length]?.path : undefined;
  if (fields.length !== pointFields.length + (rangeField === undefined ? 0 : 1)) return false;
  return fields.every((path) =>
    path === rangeField ? isRangeCondition(filter[path]) : pointFields.includes(path) && isPointCondition(filter[path]),
  );
}
