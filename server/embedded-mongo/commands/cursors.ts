import { type Document, Long } from 'bson';

import { bsonTypeOf, numericValue } from '../bson/values';
import { ErrorCode, MongoCommandError, typeMismatch } from '../errors';
import { optionalInteger } from './command-arguments';
import { type CommandRequest, type CommandTable } from './command-types';

function cursorIdOf(value: unknown): Long {
  if (bsonTypeOf(value) === 'Long') return value as Long;
  const n = numericValue(value);
  if (n === undefined) throw typeMismatch("BSON field 'getMore' is the wrong type, expected type 'long'");
  return Long.fromNumber(n);
}

async function getMore(request: CommandRequest): Promise<Document> {
  const { server, command, db } = request;
  const id = cursorIdOf(command.getMore);
  const collection = command.collection;
  if (typeof collection !== 'string') throw typeMismatch("BSON field 'getMore.collection' is missing or not a string");
  const batchSize = optionalInteger(command, 'batchSize', { min: 0 });
  const maxTimeMS = optionalInteger(command, 'maxTimeMS', { min: 0 });
  const batch = await server.cursors.use(id, async (cursor) => {
    if (cursor.ns !== `${db}.${collection}`) {
      throw new MongoCommandError(
        ErrorCode.Unauthorized,
        `Requested getMore on namespace '${db}.${collection}', but cursor belongs to a different namespace ${cursor.ns}`,
      );
    }
    return cursor.nextBatch({ batchSize, maxTimeMS });
  });
  if (!batch) throw new MongoCommandError(ErrorCode.CursorNotFound, `cursor id ${id.toString()} not found`);
  if (batch.exhausted) server.cursors.kill(id);
  const cursorDoc: Document = {
    nextBatch: batch.docs,
    id: batch.exhausted ? Long.ZERO : id,
    ns: `${db}.${collection}`,
  };
  if (batch.postBatchResumeToken) cursorDoc.postBatchResumeToken = batch.postBatchResumeToken;
  return { cursor: cursorDoc, ok: 1 };
}

function killCursors({ server, command }: CommandRequest): Document {
  const ids = Array.isArray(command.cursors) ? command.cursors.map(cursorIdOf) : [];
  const killed: Long[] = [];
  const notFound: Long[] = [];
  for (const id of ids) (server.cursors.kill(id) ? killed : notFound).push(id);
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
}

export const cursorCommands: CommandTable = {
  getMore: { handler: getMore, inTransaction: true },
  killCursors: { handler: killCursors, inTransaction: true },
};
