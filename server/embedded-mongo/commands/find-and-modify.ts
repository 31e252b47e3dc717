import { type Document } from 'bson';

import { badValue } from '../errors';
import { findDocuments } from '../query/find-documents';
import { sortFieldsOf } from '../query/planner';
import { compileProjection } from '../query/projection';
import { validateSort } from '../query/sort-documents';
import { collectionArgument, optionalDocument, rejectCollation, rejectCommandLet } from './command-arguments';
import { type CommandRequest, type CommandTable } from './command-types';
import { updateOne, upsertOne } from './update';

function findAndModify(request: CommandRequest): Document {
  const { command, db, access } = request;
  const name = collectionArgument(request);
  const filter = optionalDocument(command, 'query') ?? {};
  const sortSpec = optionalDocument(command, 'sort');
  validateSort(sortSpec);
  rejectCollation(command.collation);
  rejectCommandLet(command);
  const projector = compileProjection(command.fields, filter);
  const remove = command.remove === true;
  const hasUpdate = command.update !== undefined;
  if (remove && hasUpdate) badValueThrow('Cannot specify both an update and remove=true');
  if (!remove && !hasUpdate) badValueThrow('Either an update or remove=true must be specified');
  if (remove && command.upsert === true) badValueThrow('Cannot specify both upsert=true and remove=true');
  if (remove && command.new === true)
    badValueThrow("Cannot specify both new=true and remove=true; 'remove' always returns the deleted document");
  const project = (doc: Document | null): Document | null => (doc && projector ? projector(doc) : doc);

  const [stored] = findDocuments({ reader: access.reader(db, name), filter, sort: sortFieldsOf(sortSpec), limit: 1 });
  if (remove) {
    const collection = access.reader(db, name).collection;
    if (!stored || !collection) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
    access.remove(collection, stored.doc);
    return { lastErrorObject: { n: 1 }, value: project(stored.doc), ok: 1 };
  }
  const collection = access.collectionForWrite(db, name);
  if (stored) {
    const outcome = updateOne({
      access,
      collection,
      stored,
      update: command.update,
      filter,
      arrayFilters: command.arrayFilters,
    });
    return {
      lastErrorObject: { n: 1, updatedExisting: true },
      value: project(command.new === true ? outcome.doc : stored.doc),
      ok: 1,
    };
  }
  if (command.upsert === true) {
    const doc = upsertOne({ access, collection, filter, update: command.update, arrayFilters: command.arrayFilters });
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
      value: command.new === true ? project(doc) : null,
      ok: 1,
    };
  }
  return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
}

function badValueThrow(message: string): never {
  throw badValue(message);
}

export const findAndModifyCommands: CommandTable = {
  findAndModify: { handler: findAndModify, inTransaction: true, retryableWrite: true },
  findandmodify: { handler: findAndModify, inTransaction: true, retryableWrite: true },
};
