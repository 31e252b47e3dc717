import { type Document } from 'bson';

import { typeRankOf } from '../bson/compare';
import { bsonTypeOf, isPlainObject } from '../bson/values';
import { type KeyRange } from '../storage/collection-index';

/** What a filter says about one field that an index can answer: a set of exact values, or a range. */
export interface FieldCondition {
  /** Exact values (from equality or $in); undefined when the field is only range-constrained. */
  points?: unknown[];
  range?: KeyRange;
}

/** Values equality cannot look up in an index: arrays and regexes match by element or pattern, not by value. */
function isIndexablePoint(value: unknown): boolean {
  if (Array.isArray(value) || value instanceof RegExp || bsonTypeOf(value) === 'BSONRegExp') return false;
  if (value === undefined) return false;
  if (isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$'))) return false;
  return true;
}

function conditionOf(value: unknown): FieldCondition | undefined {
  if (!isPlainObject(value) || !Object.keys(value).some((key) => key.startsWith('$'))) {
    return isIndexablePoint(value) ? { points: [value] } : undefined;
  }
  let condition: FieldCondition | undefined;
  for (const [operator, operand] of Object.entries(value)) {
    if (operator === '$eq' && isIndexablePoint(operand)) return { points: [operand] };
    if (operator === '$in' && Array.isArray(operand) && operand.every(isIndexablePoint)) return { points: operand };
    const bound = { value: operand, inclusive: operator === '$gte' || operator === '$lte' };
    if (
      (operator === '$gt' || operator === '$gte' || operator === '$lt' || operator === '$lte') &&
      isIndexablePoint(operand)
    ) {
      const rank = typeRankOf(operand);
      if (condition?.range && condition.range.typeRank !== rank) return undefined;
      const range: KeyRange = condition?.range ?? { typeRank: rank };
      if (operator === '$gt' || operator === '$gte') range.lower = bound;
      else range.upper = bound;
      condition = { range };
    }
  }
  return condition;
}

/** Adds the index-usable conditions of one clause (and of its `$and` clauses) to `conditions`. */
function collectConditions(clause: Document, conditions: Map<string, FieldCondition>): void {
  for (const [key, value] of Object.entries(clause)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const inner of value) if (isPlainObject(inner)) collectConditions(inner, conditions);
      continue;
    }
    if (key.startsWith('$')) continue;
    const condition = conditionOf(value);
    if (!condition) continue;
    const existing = conditions.get(key);
    // Prefer exact values over ranges when one field appears in several clauses.
    if (!existing || (!existing.points && condition.points)) conditions.set(key, condition);
  }
}

/** Index-usable conditions per field path, from the filter's top level and its `$and` clauses. */
export function fieldConditionsOf(filter: Document | undefined): Map<string, FieldCondition> {
  const conditions = new Map<string, FieldCondition>();
  if (filter) collectConditions(filter, conditions);
  return conditions;
}
