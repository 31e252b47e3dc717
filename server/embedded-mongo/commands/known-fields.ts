import { type Document } from 'bson';

import { ErrorCode, MongoCommandError } from '../errors';

/**
 * MongoDB parses its CRUD commands strictly (IDL `strict: true`): a field it does not know is refused with
 * 40415 rather than ignored, so a typo or a newer server's option (`sort` in an update statement, added in
 * 8.0) never silently changes what a write does. These lists follow MongoDB 7.0's IDL files.
 */

/** Arguments every command accepts (generic_argument.idl), besides its own. */
const GENERIC_ARGUMENTS = [
  '$db',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
  'maxTimeMS',
  'readConcern',
  'writeConcern',
  'lsid',
  'txnNumber',
  'autocommit',
  'startTransaction',
  'stmtId',
  'comment',
  '$readPreference',
  '$clusterTime',
  '$audit',
  '$client',
  'clientOperationKey',
  'mayBypassWriteBlocking',
  'txnRetryCounter',
  'usesDefaultMaxTimeMS',
];

const COMMAND_FIELDS: Record<string, string[]> = {
  find: [
    'filter',
    'projection',
    'sort',
    'hint',
    'skip',
    'limit',
    'batchSize',
    'singleBatch',
    'max',
    'min',
    'returnKey',
    'showRecordId',
    'tailable',
    'oplogReplay',
    'noCursorTimeout',
    'awaitData',
    'allowPartialResults',
    'collation',
    'allowDiskUse',
    'let',
    'readOnce',
    'term',
  ],
  insert: ['documents', 'ordered', 'bypassDocumentValidation'],
  update: ['updates', 'ordered', 'bypassDocumentValidation', 'let'],
  delete: ['deletes', 'ordered', 'let'],
  findAndModify: [
    'query',
    'sort',
    'remove',
    'update',
    'new',
    'fields',
    'upsert',
    'bypassDocumentValidation',
    'collation',
    'arrayFilters',
    'hint',
    'let',
  ],
  aggregate: [
    'pipeline',
    'explain',
    'allowDiskUse',
    'cursor',
    'bypassDocumentValidation',
    'collation',
    'hint',
    'let',
    'exchange',
    'fromMongos',
    'needsMerge',
    'isMapReduceCommand',
  ],
  count: ['query', 'limit', 'skip', 'hint', 'collation', 'fields'],
  distinct: ['key', 'query', 'collation'],
  getMore: ['collection', 'batchSize', 'term', 'lastKnownCommittedOpTime'],
  killCursors: ['cursors'],
};
COMMAND_FIELDS.findandmodify = COMMAND_FIELDS.findAndModify;

/** The fields of one update or delete statement (UpdateOpEntry, DeleteOpEntry). */
export const UPDATE_STATEMENT_FIELDS = new Set([
  'q',
  'u',
  'c',
  'upsert',
  'multi',
  'arrayFilters',
  'hint',
  'collation',
  'upsertSupplied',
]);
export const DELETE_STATEMENT_FIELDS = new Set(['q', 'limit', 'collation', 'hint']);

const ALLOWED = new Map<string, Set<string>>(
  Object.entries(COMMAND_FIELDS).map(([name, fields]) => [name, new Set([name, ...GENERIC_ARGUMENTS, ...fields])]),
);

/** Refuses a field the command does not know, naming it as MongoDB does: `BSON field 'find.bogus' is an unknown field.` */
export function rejectUnknownCommandFields(name: string, command: Document): void {
  const allowed = ALLOWED.get(name);
  if (!allowed) return;
  for (const field in command) {
    if (!allowed.has(field)) throw unknownField(`${name}.${field}`);
  }
}

/** The same for the statements of an update or delete, e.g. `BSON field 'update.updates.sort' is an unknown field.` */
export function rejectUnknownStatementFields(path: string, statement: Document, allowed: Set<string>): void {
  for (const field in statement) {
    if (!allowed.has(field)) throw unknownField(`${path}.${field}`);
  }
}

function unknownField(path: string): MongoCommandError {
  return new MongoCommandError(ErrorCode.Location40415, `BSON field '${path}' is an unknown field.`);
}
