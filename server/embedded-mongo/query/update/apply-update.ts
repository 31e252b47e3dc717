import { type Document } from 'bson';

import { compareValues } from '../../bson/compare';
import { cloneValue, isPlainObject } from '../../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../../errors';
import { $addToSet, $pop, $pull, $pullAll, $push } from './array-operators';
import { $bit, $currentDate, $inc, $max, $min, $mul, $set, $unset, type UpdateOperator } from './field-operators';
import { compileArrayFilters, makePositionalResolver } from './positional';
import { expandPath, getAt, pathsOverlap, setAt, unsetAt } from './update-paths';

const OPERATORS: Record<string, UpdateOperator> = {
  $set,
  $unset,
  $inc,
  $mul,
  $min,
  $max,
  $currentDate,
  $bit,
  $push,
  $addToSet,
  $pop,
  $pull,
  $pullAll,
  // $setOnInsert behaves as $set, but only when an upsert inserts (filtered out otherwise).
  $setOnInsert: $set,
};

export interface UpdateOutcome {
  doc: Document;
  modified: boolean;
  /** For change events: dotted path → new value, and removed paths. */
  updatedFields: Document;
  removedFields: string[];
}

export type UpdateKind = 'replacement' | 'operators' | 'pipeline';

export function classifyUpdate(update: unknown): UpdateKind {
  if (Array.isArray(update)) return 'pipeline';
  if (!isPlainObject(update)) throw badValue('update must be an object or an aggregation pipeline');
  const keys = Object.keys(update);
  if (keys.length === 0) return 'replacement';
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) return 'replacement';
  if (operators.length !== keys.length) {
    throw new MongoCommandError(
      ErrorCode.FailedToParse,
      `Unknown modifier: ${keys.find((key) => !key.startsWith('$'))}. Expected a valid update modifier or pipeline-style update specified as an array`,
    );
  }
  return 'operators';
}

interface PlannedChange {
  operator: string;
  field: string;
  parts: string[];
  operand: unknown;
}

function identifiersIn(path: string): string[] {
  return [...path.matchAll(/\$\[([^\]]+)\]/g)].map((match) => match[1]);
}

/** Applies an operator update (`$set`, `$inc`, `$push`, …) to a copy of `doc`. */
export function applyOperatorUpdate({
  doc,
  update,
  filter,
  arrayFilters,
  inserting = false,
  now = new Date(),
}: {
  doc: Document;
  update: Document;
  filter?: Document;
  arrayFilters?: unknown;
  inserting?: boolean;
  now?: Date;
}): UpdateOutcome {
  const compiledFilters = compileArrayFilters(arrayFilters);
  const resolver = makePositionalResolver({ filter, arrayFilters: compiledFilters });
  const usedIdentifiers = new Set<string>();
  const changes: PlannedChange[] = [];
  for (const [operator, spec] of Object.entries(update)) {
    if (!(operator in OPERATORS) && operator !== '$rename')
      throw new MongoCommandError(
        ErrorCode.FailedToParse,
        `Unknown modifier: ${operator}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    if (!isPlainObject(spec))
      throw new MongoCommandError(
        ErrorCode.FailedToParse,
        `Modifiers operate on fields but we found type ${Array.isArray(spec) ? 'array' : typeof spec} instead. For example: {$mod: {<field>: ...}} not {${operator}: ${String(spec)}}`,
      );
    if (operator === '$setOnInsert' && !inserting) continue;
    for (const [field, operand] of Object.entries(spec)) {
      if (field === '' || field.split('.').some((part) => part === ''))
        throw badValue(`An empty update path is not valid: '${field}'`);
      identifiersIn(field).forEach((identifier) => usedIdentifiers.add(identifier));
      if (operator === '$rename') {
        if (typeof operand !== 'string' || operand === '')
          throw badValue(`The 'to' field for $rename must be a string: ${field}: ${String(operand)}`);
        if (field.includes('$') || operand.includes('$'))
          throw badValue('$rename does not support positional operators');
        changes.push({ operator, field, parts: field.split('.'), operand });
        changes.push({ operator: '$renameTarget', field: operand, parts: operand.split('.'), operand: field });
        continue;
      }
      for (const parts of expandPath(doc, field, resolver)) changes.push({ operator, field, parts, operand });
    }
  }
  for (const identifier of usedIdentifiers) {
    if (!compiledFilters.has(identifier))
      throw new MongoCommandError(ErrorCode.BadValue, `No array filter found for identifier '${identifier}'`);
  }
  for (const identifier of compiledFilters.keys()) {
    if (!usedIdentifiers.has(identifier))
      throw new MongoCommandError(
        ErrorCode.FailedToParse,
        `The array filter for identifier '${identifier}' was not used in the update ${JSON.stringify(update)}`,
      );
  }
  for (let i = 0; i < changes.length; i++) {
    for (let j = i + 1; j < changes.length; j++) {
      if (pathsOverlap(changes[i].parts, changes[j].parts)) {
        throw new MongoCommandError(
          ErrorCode.ConflictingUpdateOperators,
          `Updating the path '${changes[j].field}' would create a conflict at '${changes[i].parts.join('.')}'`,
        );
      }
    }
  }

  const next = cloneValue(doc);
  for (const change of changes) {
    if (change.operator === '$renameTarget') continue;
    if (change.operator === '$rename') {
      const value = getAt(next, change.parts);
      if (value === undefined) continue;
      unsetAt(next, change.parts);
      setAt(next, String(change.operand).split('.'), value);
      continue;
    }
    OPERATORS[change.operator](next, change.parts, change.operand, { now, field: change.field });
  }
  assertIdUnchanged(doc, next);
  return describeChanges(
    doc,
    next,
    changes.map((change) => change.parts),
  );
}

export function assertIdUnchanged(before: Document, after: Document): void {
  if (before._id === undefined) return;
  if (after._id === undefined || compareValues(before._id, after._id) !== 0) {
    throw new MongoCommandError(
      ErrorCode.ImmutableField,
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
}

function describeChanges(before: Document, after: Document, touched: string[][]): UpdateOutcome {
  const updatedFields: Document = {};
  const removedFields: string[] = [];
  for (const parts of touched) {
    const path = parts.join('.');
    const old = getAt(before, parts);
    const now = getAt(after, parts);
    if (now === undefined) {
      if (old !== undefined) removedFields.push(path);
    } else if (old === undefined || compareValues(old, now) !== 0) {
      updatedFields[path] = now;
    }
  }
  return {
    doc: after,
    modified: Object.keys(updatedFields).length > 0 || removedFields.length > 0,
    updatedFields,
    removedFields,
  };
}
