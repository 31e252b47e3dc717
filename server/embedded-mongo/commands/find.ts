import { type Document } from 'bson';

import { findDocuments } from '../query/find-documents';
import { sortFieldsOf } from '../query/planner';
import { compileProjection } from '../query/projection';
import { validateSort } from '../query/sort-documents';
import { type StoredDoc } from '../storage/stored-doc';
import {
  collectionArgument,
  optionalDocument,
  optionalInteger,
  rejectCollation,
  rejectCommandLet,
} from './command-arguments';
import { type CommandRequest, type CommandTable } from './command-types';
import { cursorReply } from './cursor-replies';

function find(request: CommandRequest): Document {
  const { command, db, access } = request;
  const name = collectionArgument(request);
  const filter = optionalDocument(command, 'filter');
  const sortSpec = optionalDocument(command, 'sort');
  validateSort(sortSpec);
  rejectCollation(command.collation);
  rejectCommandLet(command);
  const projector = compileProjection(command.projection, filter);
  const skip = optionalInteger(command, 'skip', { min: 0 }) ?? 0;
  const rawLimit = optionalInteger(command, 'limit') ?? 0;
  const batchSize = optionalInteger(command, 'batchSize', { min: 0 });
  // A negative limit is the legacy way of asking for a single batch.
  const limit = Math.abs(rawLimit);
  const singleBatch = command.singleBatch === true || rawLimit < 0;
  const docs = findDocuments({
    reader: access.reader(db, name),
    filter,
    sort: sortFieldsOf(sortSpec),
    skip,
    limit,
    hint: command.hint,
  });
  return cursorReply(request, {
    ns: `${db}.${name}`,
    items: docs,
    toDocument: projector ? (stored: StoredDoc) => projector(stored.doc) : (stored: StoredDoc) => stored.doc,
    batchSize: batchSize ?? (limit > 0 ? Math.min(limit, 101) : undefined),
    singleBatch,
  });
}

export const findCommands: CommandTable = {
  find: { handler: find, inTransaction: true },
};
