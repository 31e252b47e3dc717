import { type Document } from 'bson';

import { isPlainObject, numericValue } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';
import { type StoredDoc } from '../storage/stored-doc';
import { countingGroup } from './aggregation/counting-group';
import { runPipeline } from './aggregation/run-pipeline';
import { type CollectionReader } from './collection-reader';
import { applySkipLimit, countMatching } from './count-documents';
import { findDocuments } from './find-documents';
import { sortFieldsOf } from './planner';

/** Every stage name MongoDB knows; anything else is refused as MongoDB does (40324). */
const KNOWN_STAGES = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$changeStream',
  '$changeStreamSplitLargeEvent',
  '$collStats',
  '$count',
  '$currentOp',
  '$densify',
  '$documents',
  '$facet',
  '$fill',
  '$geoNear',
  '$graphLookup',
  '$group',
  '$indexStats',
  '$limit',
  '$listLocalSessions',
  '$listSampledQueries',
  '$listSearchIndexes',
  '$listSessions',
  '$lookup',
  '$match',
  '$merge',
  '$out',
  '$planCacheStats',
  '$project',
  '$redact',
  '$replaceRoot',
  '$replaceWith',
  '$sample',
  '$search',
  '$searchMeta',
  '$set',
  '$setWindowFields',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unionWith',
  '$unset',
  '$unwind',
  '$vectorSearch',
]);

const UNSUPPORTED_STAGES = new Set([
  '$merge',
  '$geoNear',
  '$search',
  '$searchMeta',
  '$vectorSearch',
  '$collStats',
  '$indexStats',
  '$currentOp',
  '$listSessions',
  '$listLocalSessions',
  '$planCacheStats',
  '$changeStreamSplitLargeEvent',
  '$listSearchIndexes',
]);

export function stageName(stage: unknown): string {
  if (!isPlainObject(stage)) throw badValue('each pipeline stage must be an object');
  const keys = Object.keys(stage);
  if (keys.length !== 1)
    throw new MongoCommandError(40323, 'A pipeline stage specification object must contain exactly one field.');
  return keys[0];
}

export function validatePipeline(pipeline: unknown): Document[] {
  if (!Array.isArray(pipeline))
    throw new MongoCommandError(ErrorCode.TypeMismatch, "'pipeline' option must be specified as an array");
  pipeline.forEach((stage, index) => {
    const name = stageName(stage);
    if (!KNOWN_STAGES.has(name))
      throw new MongoCommandError(ErrorCode.Location40324, `Unrecognized pipeline stage name: '${name}'`);
    if (UNSUPPORTED_STAGES.has(name))
      throw new MongoCommandError(ErrorCode.NotImplemented, `${name} is not supported by the embedded server`);
    if (name === '$out' && index !== pipeline.length - 1)
      throw new MongoCommandError(40601, '$out can only be the final stage in the pipeline');
  });
  return pipeline as Document[];
}

/** A leading stage's non-negative whole-number argument, or undefined when it is anything else. */
function wholeArgument(value: unknown): number | undefined {
  const n = numericValue(value);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Answers a leading `$match` (optionally with `$skip`/`$limit`) followed by a `$group` that only counts from a
 * count of the matching documents, which an index or the collection size often gives without reading them.
 * Returns undefined when the pipeline does not start that way.
 */
function takeLeadingCount(
  reader: CollectionReader,
  pipeline: Document[],
): { docs: Document[]; rest: Document[] } | undefined {
  let i = 0;
  let filter: unknown;
  let skip = 0;
  let limit = 0;
  if (pipeline[i] && '$match' in pipeline[i]) filter = pipeline[i++].$match;
  if (pipeline[i] && '$skip' in pipeline[i]) skip = wholeArgument(pipeline[i++].$skip) ?? -1;
  if (pipeline[i] && '$limit' in pipeline[i]) limit = wholeArgument(pipeline[i++].$limit) ?? -1;
  const group = pipeline[i] && '$group' in pipeline[i] ? countingGroup(pipeline[i].$group) : undefined;
  if (!group || skip < 0 || limit < 0) return undefined;
  if (filter !== undefined && (!isPlainObject(filter) || '$expr' in filter)) return undefined;
  const n = countMatching({ reader, filter: filter as Document | undefined });
  return { docs: group(applySkipLimit(n, skip, limit)), rest: pipeline.slice(i + 1) };
}

/**
 * Turns a leading `$match` / `$sort` / `$skip` / `$limit` run into one indexed find, so aggregations over large
 * collections still use indexes (and a leading count into a count). Returns the documents found and the
 * stages left to run.
 */
export function takeLeadingStages(
  reader: CollectionReader,
  pipeline: Document[],
): { docs: Document[]; rest: Document[] } {
  const counted = takeLeadingCount(reader, pipeline);
  if (counted) return counted;
  let i = 0;
  let filter: Document | undefined;
  let sort: Document | undefined;
  let skip = 0;
  let limit = 0;
  if (pipeline[i] && '$match' in pipeline[i]) filter = pipeline[i++].$match;
  if (pipeline[i] && '$sort' in pipeline[i]) sort = pipeline[i++].$sort;
  if (pipeline[i] && '$skip' in pipeline[i]) skip = numericValue(pipeline[i++].$skip) ?? 0;
  if (pipeline[i] && '$limit' in pipeline[i]) limit = numericValue(pipeline[i++].$limit) ?? 0;
  if (filter !== undefined && !isPlainObject(filter)) throw badValue('$match takes an object');
  if (sort !== undefined && !isPlainObject(sort)) throw badValue('$sort takes an object');
  if (filter && '$expr' in filter) {
    // $expr may use aggregation variables; let mingo evaluate it with the rest of the pipeline.
    return { docs: documentsOf(findDocuments({ reader })), rest: pipeline };
  }
  const found = findDocuments({ reader, filter, sort: sortFieldsOf(sort), skip, limit });
  return { docs: documentsOf(found), rest: pipeline.slice(i) };
}

function documentsOf(found: StoredDoc[]): Document[] {
  return found.map((stored) => stored.doc);
}

/** Runs the remaining stages on the documents found, with their BSON types. */
export function runStages({
  docs,
  stages,
  resolve,
  variables,
}: {
  docs: Document[];
  stages: Document[];
  resolve: (name: string) => Document[];
  variables?: Document;
}): Document[] {
  return runPipeline(stages, docs, { resolve, variables: variables ?? {} });
}
