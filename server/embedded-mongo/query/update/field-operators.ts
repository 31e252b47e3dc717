import { type Document, Timestamp } from 'bson';

import { compareValues } from '../../bson/compare';
import { cloneValue, isPlainObject } from '../../bson/values';
import { badValue } from '../../errors';
import { arithmetic, bitwise, zeroLike } from './numeric-ops';
import { getAt, setAt, unsetAt } from './update-paths';

export interface OperatorContext {
  /** The update's timestamp, shared by every $currentDate in one request. */
  now: Date;
  /** The field as written in the update (possibly with positional parts), for messages. */
  field: string;
}

/** Applies one operator to one concrete path of a mutable document. */
export type UpdateOperator = (doc: Document, parts: string[], operand: unknown, context: OperatorContext) => void;

export const $set: UpdateOperator = (doc, parts, operand) => setAt(doc, parts, cloneValue(operand));

export const $unset: UpdateOperator = (doc, parts) => {
  unsetAt(doc, parts);
};

export const $inc: UpdateOperator = (doc, parts, operand, { field }) => {
  const current = getAt(doc, parts);
  setAt(doc, parts, arithmetic('$inc', current === undefined ? zeroLike(operand) : current, operand, field));
};

export const $mul: UpdateOperator = (doc, parts, operand, { field }) => {
  const current = getAt(doc, parts);
  setAt(
    doc,
    parts,
    current === undefined
      ? arithmetic('$mul', zeroLike(operand), operand, field)
      : arithmetic('$mul', current, operand, field),
  );
};

export const $min: UpdateOperator = (doc, parts, operand) => {
  const current = getAt(doc, parts);
  if (current === undefined || compareValues(operand, current) < 0) setAt(doc, parts, cloneValue(operand));
};

export const $max: UpdateOperator = (doc, parts, operand) => {
  const current = getAt(doc, parts);
  if (current === undefined || compareValues(operand, current) > 0) setAt(doc, parts, cloneValue(operand));
};

export const $currentDate: UpdateOperator = (doc, parts, operand, { now, field }) => {
  if (operand === true || operand === 1 || (isPlainObject(operand) && operand.$type === 'date')) {
    setAt(doc, parts, new Date(now.getTime()));
  } else if (isPlainObject(operand) && operand.$type === 'timestamp') {
    setAt(doc, parts, new Timestamp({ t: Math.floor(now.getTime() / 1000), i: 1 }));
  } else if (operand === false || operand === 0) {
    setAt(doc, parts, new Date(now.getTime()));
  } else {
    throw badValue(`$currentDate for '${field}' takes true or { $type: 'date' | 'timestamp' }`);
  }
};

export const $bit: UpdateOperator = (doc, parts, operand, { field }) => {
  if (!isPlainObject(operand)) throw badValue(`$bit for '${field}' takes an object like { and: 5 }`);
  setAt(doc, parts, bitwise(getAt(doc, parts), operand, field));
};
