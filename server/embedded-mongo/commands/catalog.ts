import { type Document } from 'bson';

import { isPlainObject, numericValue } from '../bson/values';
import { ErrorCode, MongoCommandError, typeMismatch } from '../errors';
import { compileValueFilter } from '../query/matcher';
import { assertValidCollectionName, assertValidDatabaseName } from '../storage/catalog';
import { type Collection } from '../storage/collection';
import { sameKeyPattern } from '../storage/index-spec';
import { collectionArgument, optionalDocument, rejectCollation } from './command-arguments';
import { type CommandRequest, type CommandTable } from './command-types';
import { cursorReply } from './cursor-replies';

const UNSUPPORTED_CREATE_OPTIONS = [
  'capped',
  'viewOn',
  'pipeline',
  'timeseries',
  'clusteredIndex',
  'encryptedFields',
  'changeStreamPreAndPostImages',
];

function create(request: CommandRequest): Document {
  const { command, db, server } = request;
  const name = collectionArgument(request);
  for (const option of UNSUPPORTED_CREATE_OPTIONS) {
    if (command[option] !== undefined && command[option] !== false) {
      // Pre/post images are always available here, so that option is harmless to accept.
      if (option === 'changeStreamPreAndPostImages') continue;
      throw new MongoCommandError(
        ErrorCode.NotImplemented,
        `create option '${option}' is not supported by the embedded server`,
      );
    }
  }
  if (isPlainObject(command.validator) && Object.keys(command.validator).length > 0) {
    throw new MongoCommandError(
      ErrorCode.NotImplemented,
      'document validation (validator) is not supported by the embedded server',
    );
  }
  rejectCollation(command.collation);
  const options: Document = {};
  for (const key of ['validator', 'validationLevel', 'validationAction', 'collation', 'changeStreamPreAndPostImages']) {
    if (command[key] !== undefined) options[key] = command[key];
  }
  server.engine.createCollection(db, name, options);
  return { ok: 1 };
}

function drop(request: CommandRequest): Document {
  const { db, server } = request;
  const name = collectionArgument(request);
  const collection = server.engine.catalog.get(db, name);
  if (!collection) return { ok: 1 };
  const nIndexesWas = collection.indexes.size;
  server.engine.dropCollection(db, name);
  return { nIndexesWas, ns: `${db}.${name}`, ok: 1 };
}

function dropDatabase({ db, server }: CommandRequest): Document {
  server.engine.dropDatabase(db);
  return { dropped: db, ok: 1 };
}

function collectionInfo(collection: Collection): Document {
  return {
    name: collection.name,
    type: 'collection',
    options: collection.options,
    info: { readOnly: false, uuid: collection.uuid },
    idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
  };
}

function listCollections(request: CommandRequest): Document {
  const { command, db, server } = request;
  const filter = optionalDocument(command, 'filter');
  const matches = filter ? compileValueFilter(filter) : undefined;
  const nameOnly = command.nameOnly === true;
  const infos = server.engine.catalog
    .collections(db)
    .map(collectionInfo)
    .filter((info) => !matches || matches(info))
    .map((info) => (nameOnly ? { name: info.name, type: info.type } : info));
  const batchSize =
    isPlainObject(command.cursor) && command.cursor.batchSize !== undefined
      ? Number(command.cursor.batchSize)
      : undefined;
  return cursorReply(request, {
    ns: `${db}.$cmd.listCollections`,
    items: infos,
    toDocument: (info) => info,
    batchSize,
  });
}

function listDatabases({ command, server }: CommandRequest): Document {
  const filter = optionalDocument(command, 'filter');
  const matches = filter ? compileValueFilter(filter) : undefined;
  const databases = server.engine.catalog
    .databaseNames()
    .map((name) => {
      const sizeOnDisk = server.engine.catalog
        .collections(name)
        .reduce((sum, collection) => sum + collection.docs.size * 256, 0);
      return { name, sizeOnDisk, empty: sizeOnDisk === 0 };
    })
    .filter((info) => !matches || matches(info));
  if (command.nameOnly === true) return { databases: databases.map(({ name }) => ({ name })), ok: 1 };
  return { databases, totalSize: databases.reduce((sum, info) => sum + info.sizeOnDisk, 0), ok: 1 };
}

function splitNamespace(value: unknown, field: string): { db: string; coll: string } {
  if (typeof value !== 'string' || !value.includes('.'))
    throw typeMismatch(`'${field}' must be a full namespace like "db.collection"`);
  const dot = value.indexOf('.');
  const db = value.slice(0, dot);
  const coll = value.slice(dot + 1);
  assertValidDatabaseName(db);
  assertValidCollectionName(coll);
  return { db, coll };
}

function renameCollection({ command, server }: CommandRequest): Document {
  const from = splitNamespace(command.renameCollection, 'renameCollection');
  const to = splitNamespace(command.to, 'to');
  const source = server.engine.catalog.get(from.db, from.coll);
  if (!source)
    throw new MongoCommandError(
      ErrorCode.NamespaceNotFound,
      `Source collection ${from.db}.${from.coll} does not exist`,
    );
  if (from.db === to.db && from.coll === to.coll)
    throw new MongoCommandError(ErrorCode.IllegalOperation, "Can't rename a collection to itself");
  if (server.engine.catalog.get(to.db, to.coll)) {
    if (command.dropTarget !== true) throw new MongoCommandError(ErrorCode.NamespaceExists, 'target namespace exists');
    server.engine.dropCollection(to.db, to.coll);
  }
  server.engine.renameCollection(source, to.db, to.coll);
  return { ok: 1 };
}

function collMod(request: CommandRequest): Document {
  const { db, server, command } = request;
  const name = collectionArgument(request);
  const collection = server.engine.catalog.get(db, name);
  if (!collection) throw new MongoCommandError(ErrorCode.NamespaceNotFound, `ns does not exist: ${db}.${name}`);
  if (isPlainObject(command.validator) && Object.keys(command.validator).length > 0) {
    throw new MongoCommandError(
      ErrorCode.NotImplemented,
      'document validation (validator) is not supported by the embedded server',
    );
  }
  if (command.index === undefined) return { ok: 1 };
  const target = command.index;
  if (!isPlainObject(target)) throw typeMismatch("collMod 'index' must be an object");
  const index =
    typeof target.name === 'string'
      ? collection.indexes.get(target.name)
      : isPlainObject(target.keyPattern)
        ? [...collection.indexes.values()].find((candidate) =>
            sameKeyPattern(candidate.spec.key, target.keyPattern as Document),
          )
        : undefined;
  if (!index) throw new MongoCommandError(ErrorCode.IndexNotFound, 'cannot find index for collMod');
  const changes: { expireAfterSeconds?: number; hidden?: boolean } = {};
  const reply: Document = { ok: 1 };
  if (target.expireAfterSeconds !== undefined) {
    const seconds = numericValue(target.expireAfterSeconds);
    if (seconds === undefined || seconds < 0) throw typeMismatch('expireAfterSeconds must be a non-negative number');
    reply.expireAfterSeconds_old = index.spec.expireAfterSeconds;
    changes.expireAfterSeconds = seconds;
    reply.expireAfterSeconds_new = seconds;
  }
  if (target.hidden !== undefined) {
    reply.hidden_old = index.spec.hidden === true;
    changes.hidden = target.hidden === true;
    reply.hidden_new = changes.hidden;
  }
  server.engine.modifyIndex(collection, index.name, changes);
  return reply;
}

function dbStats({ db, server }: CommandRequest): Document {
  const collections = server.engine.catalog.collections(db);
  const objects = collections.reduce((sum, collection) => sum + collection.docs.size, 0);
  const indexes = collections.reduce((sum, collection) => sum + collection.indexes.size, 0);
  return {
    db,
    collections: collections.length,
    views: 0,
    objects,
    dataSize: objects * 256,
    storageSize: objects * 256,
    indexes,
    ok: 1,
  };
}

export const catalogCommands: CommandTable = {
  create: { handler: create, inTransaction: true },
  drop: { handler: drop },
  dropDatabase: { handler: dropDatabase },
  listCollections: { handler: listCollections },
  listDatabases: { handler: listDatabases },
  renameCollection: { handler: renameCollection },
  collMod: { handler: collMod },
  dbStats: { handler: dbStats },
};
