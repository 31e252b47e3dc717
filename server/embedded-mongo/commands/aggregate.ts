import { type Document, Long } from 'bson';

import { isPlainObject, numericValue } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';
import { runStages, takeLeadingStages, validatePipeline } from '../query/aggregate-pipeline';
import { assertStorableDocument, prepareForStorage } from '../query/validate-document';
import { assertValidCollectionName } from '../storage/catalog';
import { openChangeStream } from './change-streams';
import { optionalDocument, rejectCollation } from './command-arguments';
import { type CommandRequest, type CommandTable } from './command-types';
import { cursorReply } from './cursor-replies';

function writeOut(request: CommandRequest, target: unknown, results: Document[]): void {
  const { server, db, access } = request;
  const spec =
    typeof target === 'string'
      ? { db, coll: target }
      : isPlainObject(target)
        ? { db: String(target.db ?? db), coll: String(target.coll) }
        : undefined;
  if (!spec) throw badValue('$out takes a collection name or { db, coll }');
  if (access.inTransaction)
    throw new MongoCommandError(ErrorCode.OperationNotSupportedInTransaction, '$out cannot be used in a transaction');
  assertValidCollectionName(spec.coll);
  server.engine.dropCollection(spec.db, spec.coll);
  const collection = server.engine.ensureCollection(spec.db, spec.coll);
  for (const doc of results) {
    const stored = prepareForStorage(doc);
    assertStorableDocument(stored);
    access.insert(collection, stored);
  }
}

async function aggregate(request: CommandRequest): Promise<Document> {
  const { command, db, access } = request;
  const pipeline = validatePipeline(command.pipeline);
  if (pipeline[0] && '$changeStream' in pipeline[0]) return openChangeStream(request, pipeline);
  if (pipeline.some((stage, i) => i > 0 && '$changeStream' in stage))
    throw badValue('$changeStream is only valid as the first stage in a pipeline');
  if (command.explain !== true && !isPlainObject(command.cursor)) {
    throw new MongoCommandError(
      ErrorCode.FailedToParse,
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  }
  rejectCollation(command.collation);
  const target = command.aggregate;
  const collectionLevel = typeof target === 'string';
  if (collectionLevel) assertValidCollectionName(target);
  else if (numericValue(target) !== 1) throw badValue('aggregate takes a collection name or 1');
  const reader = access.reader(db, collectionLevel ? target : '');
  const { docs, rest } = collectionLevel ? takeLeadingStages(reader, pipeline) : { docs: [], rest: pipeline };
  const last = rest[rest.length - 1];
  const out = last && '$out' in last ? last.$out : undefined;
  if (out !== undefined && isPlainObject(command.readConcern) && command.readConcern.level === 'linearizable') {
    // A linearizable read must not write: MongoDB refuses the combination before running anything.
    throw new MongoCommandError(
      ErrorCode.InvalidOptions,
      "$out cannot be used with a 'linearizable' read concern level",
    );
  }
  const stages = out === undefined ? rest : rest.slice(0, -1);
  const results = runStages({
    docs,
    stages,
    resolve: (name) => [...access.reader(db, name).allDocs()].map((stored) => stored.doc),
    variables: optionalDocument(command, 'let'),
  });
  if (out !== undefined) {
    writeOut(request, out, results);
    return { cursor: { firstBatch: [], id: Long.ZERO, ns: `${db}.${String(target)}` }, ok: 1 };
  }
  const batchSize =
    isPlainObject(command.cursor) && command.cursor.batchSize !== undefined
      ? Number(command.cursor.batchSize)
      : undefined;
  return cursorReply(request, {
    ns: collectionLevel ? `${db}.${target}` : `${db}.$cmd.aggregate`,
    items: results,
    toDocument: (doc) => doc,
    batchSize,
  });
}

export const aggregateCommands: CommandTable = {
  aggregate: { handler: aggregate, inTransaction: true },
};
