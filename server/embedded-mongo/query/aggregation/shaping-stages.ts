import { type Document, Int32, Long } from 'bson';

import { compareValues } from '../../bson/compare';
import { valuesAtPath } from '../../bson/paths';
import { cloneValue, isPlainObject, isTruthy, numericValue } from '../../bson/values';
import { badValue, MongoCommandError } from '../../errors';
import { compileProjection } from '../projection';
import { setAt, unsetAt } from '../update/update-paths';
import { evaluateExpression } from './expressions';

const isFlag = (value: unknown): boolean => typeof value === 'boolean' || numericValue(value) !== undefined;

/** `$project`: include/exclude flags keep exact types; computed fields are evaluated as expressions. */
export function projectStage(spec: unknown, docs: Document[], variables: Document): Document[] {
  if (!isPlainObject(spec) || Object.keys(spec).length === 0)
    throw new MongoCommandError(40177, '$project specification must be a non-empty object');
  const flags: Document = {};
  const computed: Array<[string, unknown]> = [];
  for (const [path, value] of Object.entries(spec)) {
    if (isFlag(value)) flags[path] = value;
    else computed.push([path, value]);
  }
  if (computed.length === 0) {
    const project = compileProjection(flags)!;
    return docs.map((doc) => project(doc));
  }
  if (Object.entries(flags).some(([path, value]) => path !== '_id' && !isTruthy(value))) {
    throw new MongoCommandError(
      31252,
      'Invalid $project :: caused by :: Cannot use expression other than $meta in exclusion projection',
    );
  }
  const includeId = flags._id === undefined || isTruthy(flags._id);
  const inclusion: Document = { ...flags, _id: includeId ? 1 : 0 };
  const project = compileProjection(inclusion)!;
  return docs.map((doc) => {
    const out =
      Object.keys(inclusion).some((path) => path !== '_id' && isTruthy(inclusion[path])) || includeId
        ? project(doc)
        : {};
    for (const [path, expression] of computed) {
      const value = evaluateExpression(expression, doc, { root: doc, variables });
      if (value !== undefined) setAt(out, path.split('.'), value);
    }
    return out;
  });
}

/** `$addFields` / `$set`: each field is evaluated against the incoming document. */
export function addFieldsStage(spec: unknown, docs: Document[], variables: Document): Document[] {
  if (!isPlainObject(spec)) throw badValue('$addFields takes an object');
  return docs.map((doc) => {
    const out = cloneValue(doc);
    for (const [path, expression] of Object.entries(spec)) {
      const value = evaluateExpression(expression, doc, { root: doc, variables });
      if (value === undefined) unsetAt(out, path.split('.'));
      else setAt(out, path.split('.'), value);
    }
    return out;
  });
}

export function unsetStage(spec: unknown, docs: Document[]): Document[] {
  const paths = typeof spec === 'string' ? [spec] : Array.isArray(spec) ? spec : undefined;
  if (!paths || paths.length === 0 || !paths.every((path) => typeof path === 'string'))
    throw badValue('$unset takes a field name or an array of them');
  const project = compileProjection(Object.fromEntries(paths.map((path) => [path, 0])))!;
  return docs.map((doc) => project(doc));
}

export function replaceRootStage(newRoot: unknown, docs: Document[], variables: Document): Document[] {
  return docs.map((doc) => {
    const value = evaluateExpression(newRoot, doc, { root: doc, variables });
    if (!isPlainObject(value)) {
      throw new MongoCommandError(
        40228,
        `'newRoot' expression must evaluate to an object, but resulting value was of type ${value === undefined ? 'missing' : typeof value}`,
      );
    }
    return value;
  });
}

export function unwindStage(spec: unknown, docs: Document[]): Document[] {
  const options = typeof spec === 'string' ? { path: spec } : isPlainObject(spec) ? spec : undefined;
  if (!options || typeof options.path !== 'string' || !options.path.startsWith('$'))
    throw badValue('$unwind needs a path starting with $');
  const path = options.path.slice(1).split('.');
  const indexField = typeof options.includeArrayIndex === 'string' ? options.includeArrayIndex : undefined;
  const keepEmpty = options.preserveNullAndEmptyArrays === true;
  const out: Document[] = [];
  for (const doc of docs) {
    let value: unknown = doc;
    for (const part of path) value = isPlainObject(value) ? value[part] : undefined;
    if (Array.isArray(value) && value.length > 0) {
      value.forEach((element, index) => {
        const copy = cloneValue(doc);
        setAt(copy, path, element);
        if (indexField) copy[indexField] = Long.fromNumber(index);
        out.push(copy);
      });
    } else if (!Array.isArray(value) && value !== undefined && value !== null) {
      const copy = cloneValue(doc);
      if (indexField) copy[indexField] = null;
      out.push(copy);
    } else if (keepEmpty) {
      const copy = cloneValue(doc);
      if (Array.isArray(value)) unsetAt(copy, path);
      if (indexField) copy[indexField] = null;
      out.push(copy);
    }
  }
  return out;
}

export function countStage(field: unknown, docs: Document[]): Document[] {
  if (typeof field !== 'string' || field === '' || field.startsWith('$') || field.includes('.')) {
    throw new MongoCommandError(
      40156,
      'the count field must be a non-empty string that does not start with $ or contain .',
    );
  }
  return docs.length === 0 ? [] : [{ [field]: new Int32(docs.length) }];
}

/** `$lookup` with localField/foreignField: equality with MongoDB's array and null/missing rules. */
export function lookupStage(spec: Document, docs: Document[], foreign: Document[]): Document[] {
  const { localField, foreignField, as } = spec;
  if (typeof localField !== 'string' || typeof foreignField !== 'string' || typeof as !== 'string') {
    throw badValue('$lookup needs from, localField, foreignField and as');
  }
  return docs.map((doc) => {
    const local = valuesAtPath(doc, localField);
    const matches = foreign.filter((other) => {
      const values = valuesAtPath(other, foreignField);
      return local.some((value) => values.some((candidate) => compareValues(value, candidate) === 0));
    });
    const out = cloneValue(doc);
    setAt(out, as.split('.'), matches);
    return out;
  });
}
