import { type Document } from 'bson';

import { isPlainObject, numericValue } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';
import { type StoredDoc } from '../storage/stored-doc';
import { runPipeline } from './aggregation/run-pipeline';
import { type CollectionReader } from './collection-reader';
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

/**
 * Turns a leading `$match` / `$sort` / `$skip` / `$limit` run into one indexed find, so aggregations over large
 * collections still use indexes. Returns the documents found and the stages left to run.
 */
export function takeLeadingFind(
  reader: CollectionReader,
  pipeline: Document[],
): { docs: StoredDoc[]; rest: Document[] } {
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
    return { docs: findDocuments({ reader }), rest: pipeline };
  }
  return { docs: findDocuments({ reader, filter, sort: sortFieldsOf(sort), skip, limit }), rest: pipeline.slice(i) };
}

/** Runs the remaining stages on the documents found, with their BSON types. */
export function runStages({
  docs,
  stages,
  resolve,
  variables,
}: {
  docs: StoredDoc[];
  stages: Document[];
  resolve: (name: string) => Document[];
  variables?: Document;
}): Document[] {
  return runPipeline(
    stages,
    docs.map((stored) => stored.doc),
    { resolve, variables: variables ?? {} },
  );
}
