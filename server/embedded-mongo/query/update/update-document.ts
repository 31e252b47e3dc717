import { type Document, ObjectId } from 'bson';
import { Aggregator } from 'mingo';

import { compareValues } from '../../bson/compare';
import { cloneValue, isPlainObject, toQueryView } from '../../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../../errors';
import { computesWithNumbers } from '../aggregation/mingo-bridge';
import { applyOperatorUpdate, assertIdUnchanged, classifyUpdate, type UpdateOutcome } from './apply-update';
import { setAt } from './update-paths';

const PIPELINE_UPDATE_STAGES = new Set(['$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith']);

export interface UpdateResultDocument extends UpdateOutcome {
  /** True when the whole document was replaced (a replacement update), which change streams report as `replace`. */
  replaced: boolean;
}

/** Puts `_id` first, as MongoDB stores it. */
export function withIdFirst(doc: Document): Document {
  if (Object.keys(doc)[0] === '_id' || doc._id === undefined) return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

function applyReplacement(doc: Document, replacement: Document): UpdateResultDocument {
  const next = cloneValue(replacement);
  if (next._id !== undefined && doc._id !== undefined && compareValues(next._id, doc._id) !== 0) {
    throw new MongoCommandError(
      ErrorCode.ImmutableField,
      "After applying the update, the (immutable) field '_id' was found to have been altered",
    );
  }
  if (doc._id !== undefined) next._id = doc._id;
  const result = withIdFirst(next);
  return {
    doc: result,
    modified: compareValues(doc, result) !== 0,
    updatedFields: {},
    removedFields: [],
    replaced: true,
  };
}

function applyPipeline(doc: Document, pipeline: unknown[]): UpdateResultDocument {
  for (const stage of pipeline) {
    const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
    if (!name || !PIPELINE_UPDATE_STAGES.has(name)) {
      throw new MongoCommandError(
        ErrorCode.InvalidOptions,
        `${String(name)} is not allowed to be used within an update`,
      );
    }
  }
  const view = toQueryView(doc, computesWithNumbers(pipeline) ? 'refuse' : 'approximate') as Document;
  const [result] = new Aggregator(toQueryView(pipeline) as Document[], {}).run<Document>([view]);
  if (!result) throw badValue('the update pipeline produced no document');
  // Fields the pipeline left equal keep their exact stored BSON types.
  const next: Document = {};
  for (const [key, value] of Object.entries(result)) {
    next[key] = key in doc && compareValues(value, view[key]) === 0 ? doc[key] : value;
  }
  // As in MongoDB, a pipeline that drops `_id` ($replaceRoot, $unset, $project) keeps the original one; only
  // a different value is refused.
  if (next._id === undefined && doc._id !== undefined) next._id = doc._id;
  if (doc._id !== undefined) assertIdUnchanged(doc, next);
  const updatedFields: Document = {};
  const removedFields: string[] = [];
  for (const key of Object.keys(next))
    if (!(key in doc) || compareValues(doc[key], next[key]) !== 0) updatedFields[key] = next[key];
  for (const key of Object.keys(doc)) if (!(key in next)) removedFields.push(key);
  return {
    doc: withIdFirst(next),
    modified: Object.keys(updatedFields).length + removedFields.length > 0,
    updatedFields,
    removedFields,
    replaced: false,
  };
}

/** Applies any form of update (operators, replacement or pipeline) to a copy of `doc`. */
export function updateDocument({
  doc,
  update,
  filter,
  arrayFilters,
  inserting = false,
}: {
  doc: Document;
  update: unknown;
  filter?: Document;
  arrayFilters?: unknown;
  inserting?: boolean;
}): UpdateResultDocument {
  const kind = classifyUpdate(update);
  if (kind === 'replacement') return applyReplacement(doc, update as Document);
  if (kind === 'pipeline') return applyPipeline(doc, update as unknown[]);
  const outcome = applyOperatorUpdate({ doc, update: update as Document, filter, arrayFilters, inserting });
  return { ...outcome, doc: withIdFirst(outcome.doc), replaced: false };
}

/** The document an upsert starts from: the filter's equality conditions (top level and `$and`). */
export function seedFromFilter(filter: Document | undefined): Document {
  const seed: Document = {};
  const visit = (clause: Document): void => {
    for (const [key, value] of Object.entries(clause)) {
      if (key === '$and' && Array.isArray(value)) {
        value.filter(isPlainObject).forEach(visit);
        continue;
      }
      if (key.startsWith('$')) continue;
      let exact: unknown;
      if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
        if (!('$eq' in value)) continue;
        exact = value.$eq;
      } else {
        exact = value;
      }
      setAt(seed, key.split('.'), cloneValue(exact));
    }
  };
  if (filter) visit(filter);
  return seed;
}

/** Builds the document an upsert inserts when nothing matched. */
export function buildUpsertDocument({
  filter,
  update,
  arrayFilters,
}: {
  filter?: Document;
  update: unknown;
  arrayFilters?: unknown;
}): Document {
  const kind = classifyUpdate(update);
  const seed = seedFromFilter(filter);
  let doc: Document;
  if (kind === 'replacement') {
    const replacement = cloneValue(update as Document);
    if (replacement._id !== undefined && seed._id !== undefined && compareValues(replacement._id, seed._id) !== 0) {
      throw new MongoCommandError(
        ErrorCode.ImmutableField,
        "After applying the update, the (immutable) field '_id' was found to have been altered",
      );
    }
    doc = replacement._id === undefined && seed._id !== undefined ? { _id: seed._id, ...replacement } : replacement;
  } else if (kind === 'pipeline') {
    doc = applyPipeline(seed, update as unknown[]).doc;
  } else {
    doc = applyOperatorUpdate({ doc: seed, update: update as Document, filter, arrayFilters, inserting: true }).doc;
  }
  if (doc._id === undefined) doc = { _id: new ObjectId(), ...doc };
  return withIdFirst(doc);
}
