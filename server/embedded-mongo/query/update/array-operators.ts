import { type Document } from 'bson';

import { compareValues } from '../../bson/compare';
import { valuesAtPath } from '../../bson/paths';
import { cloneValue, isPlainObject, numericValue } from '../../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../../errors';
import { compileValueFilter } from '../matcher';
import { type UpdateOperator } from './field-operators';
import { getAt, setAt } from './update-paths';

function arrayAt(doc: Document, parts: string[], operator: string): unknown[] | undefined {
  const current = getAt(doc, parts);
  if (current === undefined) return undefined;
  if (!Array.isArray(current)) {
    throw new MongoCommandError(
      ErrorCode.BadValue,
      `The field '${parts.join('.')}' must be an array but is of type ${current === null ? 'null' : typeof current} in document {_id: ...} (${operator})`,
    );
  }
  return current;
}

function sortForPush(values: unknown[], spec: unknown): void {
  if (isPlainObject(spec)) {
    const fields = Object.entries(spec).map(([path, direction]) => ({
      path,
      direction: numericValue(direction) === -1 ? -1 : 1,
    }));
    values.sort((a, b) => {
      for (const { path, direction } of fields) {
        const left = isPlainObject(a) ? valuesAtPath(a, path)[0] : undefined;
        const right = isPlainObject(b) ? valuesAtPath(b, path)[0] : undefined;
        const c = compareValues(left, right);
        if (c !== 0) return c * direction;
      }
      return 0;
    });
    return;
  }
  const direction = numericValue(spec);
  if (direction !== 1 && direction !== -1) throw badValue('$sort in $push must be 1, -1 or a sort document');
  values.sort((a, b) => compareValues(a, b) * direction);
}

function isModifierForm(operand: unknown): operand is Document {
  return isPlainObject(operand) && '$each' in operand;
}

export const $push: UpdateOperator = (doc, parts, operand) => {
  const array = arrayAt(doc, parts, '$push') ?? [];
  if (!isModifierForm(operand)) {
    setAt(doc, parts, [...array, cloneValue(operand)]);
    return;
  }
  if (!Array.isArray(operand.$each)) throw badValue('$each in $push must be an array');
  const items = operand.$each.map(cloneValue);
  const next = [...array];
  const position = operand.$position === undefined ? next.length : (numericValue(operand.$position) ?? next.length);
  const at = position < 0 ? Math.max(0, next.length + position) : Math.min(position, next.length);
  next.splice(at, 0, ...items);
  if (operand.$sort !== undefined) sortForPush(next, operand.$sort);
  let result = next;
  if (operand.$slice !== undefined) {
    const slice = numericValue(operand.$slice);
    if (slice === undefined) throw badValue('$slice in $push must be a number');
    result = slice >= 0 ? next.slice(0, slice) : next.slice(Math.max(0, next.length + slice));
  }
  setAt(doc, parts, result);
};

export const $addToSet: UpdateOperator = (doc, parts, operand) => {
  const array = arrayAt(doc, parts, '$addToSet') ?? [];
  const candidates = isModifierForm(operand) ? operand.$each : [operand];
  if (!Array.isArray(candidates)) throw badValue('$each in $addToSet must be an array');
  const next = [...array];
  for (const candidate of candidates) {
    if (!next.some((existing) => compareValues(existing, candidate) === 0)) next.push(cloneValue(candidate));
  }
  setAt(doc, parts, next);
};

export const $pop: UpdateOperator = (doc, parts, operand) => {
  const array = arrayAt(doc, parts, '$pop');
  if (!array) return;
  const direction = numericValue(operand);
  if (direction !== 1 && direction !== -1) throw badValue('$pop takes 1 or -1');
  setAt(doc, parts, direction === 1 ? array.slice(0, -1) : array.slice(1));
};

function pullMatcher(condition: unknown): (element: unknown) => boolean {
  if (!isPlainObject(condition)) return (element) => compareValues(element, condition) === 0;
  const operatorForm = Object.keys(condition).every((key) => key.startsWith('$'));
  if (operatorForm) {
    const matches = compileValueFilter({ element: condition });
    return (element) => matches({ element });
  }
  const matches = compileValueFilter(condition);
  return (element) => isPlainObject(element) && matches(element);
}

export const $pull: UpdateOperator = (doc, parts, operand) => {
  const array = arrayAt(doc, parts, '$pull');
  if (!array) return;
  const matches = pullMatcher(operand);
  setAt(
    doc,
    parts,
    array.filter((element) => !matches(element)),
  );
};

export const $pullAll: UpdateOperator = (doc, parts, operand) => {
  if (!Array.isArray(operand)) throw badValue('$pullAll requires an array argument');
  const array = arrayAt(doc, parts, '$pullAll');
  if (!array) return;
  setAt(
    doc,
    parts,
    array.filter((element) => !operand.some((value) => compareValues(value, element) === 0)),
  );
};
