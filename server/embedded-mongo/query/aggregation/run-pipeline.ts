import { type Document } from 'bson';

import { compareValues } from '../../bson/compare';
import { isPlainObject } from '../../bson/values';
import { badValue } from '../../errors';
import { compileValueFilter } from '../matcher';
import { sortFieldsOf } from '../planner';
import { sortKeyOf, validateSort } from '../sort-documents';
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

function sortStage(spec: unknown, docs: Document[]): Document[] {
  if (!isPlainObject(spec)) throw badValue('$sort takes an object');
  validateSort(spec);
  const fields = sortFieldsOf(spec);
  const keyed = docs.map((doc, position) => ({ doc, position, keys: fields.map((field) => sortKeyOf(doc, field)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i]);
      if (c !== 0) return c * fields[i].direction;
    }
    return a.position - b.position;
  });
  return keyed.map(({ doc }) => doc);
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
  for (const stage of stages) current = runStage(stage, current, options);
  return current;
}
