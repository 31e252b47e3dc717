import { type Document } from 'bson';

import { isPlainObject, numericValue } from '../../bson/values';
import { badValue } from '../../errors';
import { compileValueFilter } from '../matcher';
import { sortFieldsOf } from '../planner';
import { sortByFields, validateSort } from '../sort-documents';
import { runGroupStage } from './group-stage';
import { runStageWithMingo } from './mingo-bridge';
import {
  addFieldsStage,
  countStage,
  lookupStage,
  projectStage,
  replaceRootStage,
  unsetStage,
  unwindStage,
} from './shaping-stages';

export interface PipelineOptions {
  /** Documents of another collection of the same database (for $lookup and friends). */
  resolve: (name: string) => Document[];
  variables: Document;
}

/** `$sort`; with `limit` > 0 (a `$limit` follows) only the first `limit` documents are selected, with a heap. */
function sortStage(spec: unknown, docs: Document[], limit = 0): Document[] {
  if (!isPlainObject(spec)) throw badValue('$sort takes an object');
  validateSort(spec);
  return sortByFields(docs, sortFieldsOf(spec), (doc) => doc, limit);
}

function nonNegative(value: unknown, stage: string): number {
  const n = Number(typeof value === 'object' && value !== null ? (value as { valueOf(): unknown }).valueOf() : value);
  if (!Number.isInteger(n) || n < 0) throw badValue(`${stage} takes a non-negative whole number`);
  return n;
}

/** Runs one stage on BSON-typed documents, leaving to mingo the stages this server does not evaluate itself. */
function runStage(stage: Document, docs: Document[], options: PipelineOptions): Document[] {
  const [name] = Object.keys(stage);
  const spec = stage[name];
  switch (name) {
    case '$match': {
      const matches = compileValueFilter(spec);
      return docs.filter((doc) => matches(doc));
    }
    case '$sort':
      return sortStage(spec, docs);
    case '$skip':
      return docs.slice(nonNegative(spec, '$skip'));
    case '$limit':
      return docs.slice(0, nonNegative(spec, '$limit'));
    case '$count':
      return countStage(spec, docs);
    case '$group':
      return runGroupStage(spec, docs, options.variables) ?? runStageWithMingo(stage, docs, options);
    case '$sortByCount':
      return sortStage({ count: -1 }, runPipeline([{ $group: { _id: spec, count: { $sum: 1 } } }], docs, options));
    case '$project':
      return projectStage(spec, docs, options.variables);
    case '$addFields':
    case '$set':
      return addFieldsStage(spec, docs, options.variables);
    case '$unset':
      return unsetStage(spec, docs);
    case '$replaceRoot':
      return replaceRootStage(isPlainObject(spec) ? spec.newRoot : undefined, docs, options.variables);
    case '$replaceWith':
      return replaceRootStage(spec, docs, options.variables);
    case '$unwind':
      return unwindStage(spec, docs);
    case '$lookup':
      if (
        isPlainObject(spec) &&
        typeof spec.from === 'string' &&
        spec.pipeline === undefined &&
        spec.let === undefined
      ) {
        return lookupStage(spec, docs, options.resolve(spec.from));
      }
      return runStageWithMingo(stage, docs, options);
    case '$facet': {
      if (!isPlainObject(spec)) throw badValue('$facet takes an object of pipelines');
      const out: Document = {};
      for (const [field, pipeline] of Object.entries(spec)) {
        if (!Array.isArray(pipeline)) throw badValue(`$facet pipeline '${field}' must be an array`);
        out[field] = runPipeline(pipeline as Document[], docs, options);
      }
      return [out];
    }
    default:
      return runStageWithMingo(stage, docs, options);
  }
}

/** Runs aggregation stages over documents, keeping BSON types wherever the stage allows. */
export function runPipeline(stages: Document[], docs: Document[], options: PipelineOptions): Document[] {
  let current = docs;
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i];
    const next = stages[i + 1];
    // `$sort` then `$limit` needs only the first documents; the `$limit` stage still runs (and validates) after.
    const limit = next && Object.keys(next)[0] === '$limit' ? numericValue(next.$limit) : undefined;
    if (Object.keys(stage)[0] === '$sort' && limit !== undefined && Number.isInteger(limit) && limit > 0) {
      current = sortStage(stage.$sort, current, limit);
    } else {
      current = runStage(stage, current, options);
    }
  }
  return current;
}
