import { type Document } from 'bson';

import { isPlainObject } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';
import { findDocuments } from '../query/find-documents';
import { classifyUpdate } from '../query/update/apply-update';
import { buildUpsertDocument, updateDocument } from '../query/update/update-document';
import { assertStorableDocument, prepareForStorage } from '../query/validate-document';
import { type Collection } from '../storage/collection';
import { type DataAccess } from '../storage/data-access';
import { type StoredDoc } from '../storage/stored-doc';
import { collectionArgument, rejectCollation, rejectCommandLet, requiredArray } from './command-arguments';
import { type CommandRequest, type CommandTable } from './command-types';
import { rejectUnknownStatementFields, UPDATE_STATEMENT_FIELDS } from './known-fields';
import { runWriteBatch, writeReply } from './write-batch';

/** Applies an update to one matched document; returns whether it changed. Shared with findAndModify. */
export function updateOne({
  access,
  collection,
  stored,
  update,
  filter,
  arrayFilters,
}: {
  access: DataAccess;
  collection: Collection;
  stored: StoredDoc;
  update: unknown;
  filter?: Document;
  arrayFilters?: unknown;
}): { doc: Document; modified: boolean } {
  const result = updateDocument({ doc: stored.doc, update, filter, arrayFilters });
  if (result.modified) {
    assertStorableDocument(result.doc);
    access.update(
      collection,
      stored.doc,
      result.doc,
      result.replaced ? undefined : { updatedFields: result.updatedFields, removedFields: result.removedFields },
    );
  }
  return { doc: result.doc, modified: result.modified };
}

/** Inserts the document an upsert builds when nothing matched; returns it. Shared with findAndModify. */
export function upsertOne({
  access,
  collection,
  filter,
  update,
  arrayFilters,
}: {
  access: DataAccess;
  collection: Collection;
  filter?: Document;
  update: unknown;
  arrayFilters?: unknown;
}): Document {
  const doc = prepareForStorage(buildUpsertDocument({ filter, update, arrayFilters }));
  assertStorableDocument(doc);
  access.insert(collection, doc);
  return doc;
}

function update(request: CommandRequest): Document {
  const { command, db, access } = request;
  const name = collectionArgument(request);
  const statements = requiredArray(command, 'updates');
  // The whole command is refused, before any statement runs, as MongoDB's parser refuses it.
  for (const statement of statements)
    if (isPlainObject(statement)) rejectUnknownStatementFields('update.updates', statement, UPDATE_STATEMENT_FIELDS);
  rejectCommandLet(command);
  const ordered = command.ordered !== false;
  const collection = access.collectionForWrite(db, name);
  let n = 0;
  let nModified = 0;
  const upserted: Document[] = [];
  const result = runWriteBatch(statements, ordered, (statement, index) => {
    if (!isPlainObject(statement)) throw badValue('each update statement must be an object');
    const filter = statement.q === undefined ? {} : statement.q;
    if (!isPlainObject(filter)) throw badValue("BSON field 'q' must be an object");
    rejectCollation(statement.collation);
    const multi = statement.multi === true;
    if (multi && classifyUpdate(statement.u) === 'replacement') {
      throw new MongoCommandError(
        ErrorCode.FailedToParse,
        'multi update is not supported for replacement-style update',
      );
    }
    const matches = findDocuments({ reader: access.reader(db, name), filter, limit: multi ? 0 : 1 });
    for (const stored of matches) {
      const outcome = updateOne({
        access,
        collection,
        stored,
        update: statement.u,
        filter,
        arrayFilters: statement.arrayFilters,
      });
      n += 1;
      if (outcome.modified) nModified += 1;
    }
    if (matches.length === 0 && statement.upsert === true) {
      const doc = upsertOne({ access, collection, filter, update: statement.u, arrayFilters: statement.arrayFilters });
      upserted.push({ index, _id: doc._id });
      n += 1;
    }
  });
  return writeReply(upserted.length > 0 ? { n, nModified, upserted } : { n, nModified }, result);
}

export const updateCommands: CommandTable = {
  update: { handler: update, inTransaction: true, retryableWrite: true },
};
