import { type Document } from 'bson';

import { compareValues } from '../bson/compare';
import { valuesAtPath } from '../bson/paths';
import { typeMismatch } from '../errors';
import { applySkipLimit, countMatching } from '../query/count-documents';
import { findDocuments } from '../query/find-documents';
import { collectionArgument, optionalDocument, optionalInteger, rejectCollation } from './command-arguments';
import { type CommandRequest, type CommandTable } from './command-types';

function count(request: CommandRequest): Document {
  const { command, db, access } = request;
  const name = collectionArgument(request);
  rejectCollation(command.collation);
  const filter = optionalDocument(command, 'query');
  const skip = optionalInteger(command, 'skip', { min: 0 }) ?? 0;
  const limit = Math.abs(optionalInteger(command, 'limit') ?? 0);
  const n = countMatching({ reader: access.reader(db, name), filter, hint: command.hint });
  return { n: applySkipLimit(n, skip, limit), ok: 1 };
}

function distinct(request: CommandRequest): Document {
  const { command, db, access } = request;
  const name = collectionArgument(request);
  rejectCollation(command.collation);
  const key = command.key;
  if (typeof key !== 'string' || key === '') throw typeMismatch("BSON field 'distinct.key' must be a non-empty string");
  const filter = optionalDocument(command, 'query');
  const values: unknown[] = [];
  for (const stored of findDocuments({ reader: access.reader(db, name), filter })) {
    for (const value of valuesAtPath(stored.doc, key)) if (value !== undefined) values.push(value);
  }
  values.sort(compareValues);
  const unique = values.filter((value, i) => i === 0 || compareValues(value, values[i - 1]) !== 0);
  return { values: unique, ok: 1 };
}

export const countDistinctCommands: CommandTable = {
  count: { handler: count },
  distinct: { handler: distinct, inTransaction: true },
};
