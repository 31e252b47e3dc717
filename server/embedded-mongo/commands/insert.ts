import { type Document } from 'bson';

import { assertStorableDocument, prepareForStorage } from '../query/validate-document';
import { collectionArgument, requiredArray } from './command-arguments';
import { type CommandRequest, type CommandTable } from './command-types';
import { runWriteBatch, writeReply } from './write-batch';

function insert(request: CommandRequest): Document {
  const { command, db, access } = request;
  const name = collectionArgument(request);
  const documents = requiredArray(command, 'documents');
  const ordered = command.ordered !== false;
  const collection = access.collectionForWrite(db, name);
  let n = 0;
  const result = runWriteBatch(documents, ordered, (raw) => {
    const doc = prepareForStorage(raw);
    assertStorableDocument(doc);
    access.insert(collection, doc);
    n += 1;
  });
  return writeReply({ n }, result);
}

export const insertCommands: CommandTable = {
  insert: { handler: insert, inTransaction: true, retryableWrite: true },
};
