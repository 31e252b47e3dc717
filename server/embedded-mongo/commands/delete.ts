import { type Document } from 'bson';

import { isPlainObject, numericValue } from '../bson/values';
import { badValue } from '../errors';
import { findDocuments } from '../query/find-documents';
import { collectionArgument, rejectCollation, rejectCommandLet, requiredArray } from './command-arguments';
import { type CommandRequest, type CommandTable } from './command-types';
import { DELETE_STATEMENT_FIELDS, rejectUnknownStatementFields } from './known-fields';
import { runWriteBatch, writeReply } from './write-batch';

function remove(request: CommandRequest): Document {
  const { command, db, access } = request;
  const name = collectionArgument(request);
  const statements = requiredArray(command, 'deletes');
  for (const statement of statements)
    if (isPlainObject(statement)) rejectUnknownStatementFields('delete.deletes', statement, DELETE_STATEMENT_FIELDS);
  rejectCommandLet(command);
  const ordered = command.ordered !== false;
  let n = 0;
  const result = runWriteBatch(statements, ordered, (statement) => {
    if (!isPlainObject(statement)) throw badValue('each delete statement must be an object');
    const filter = statement.q === undefined ? {} : statement.q;
    if (!isPlainObject(filter)) throw badValue("BSON field 'q' must be an object");
    const limit = numericValue(statement.limit) ?? 0;
    if (limit !== 0 && limit !== 1) throw badValue(`The limit field in delete objects must be 0 or 1. Got ${limit}`);
    rejectCollation(statement.collation);
    const reader = access.reader(db, name);
    if (!reader.collection) return;
    for (const stored of findDocuments({ reader, filter, limit })) {
      access.remove(reader.collection, stored.doc);
      n += 1;
    }
  });
  return writeReply({ n }, result);
}

export const deleteCommands: CommandTable = {
  delete: { handler: remove, inTransaction: true, retryableWrite: true },
};
