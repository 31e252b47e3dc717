import { type Document } from 'bson';

import { isPlainObject } from '../bson/values';
import { ErrorCode, MongoCommandError } from '../errors';
import { sameIndexOptions, sameKeyPattern, validateIndexSpec, type IndexSpec } from '../storage/index-spec';
import { collectionArgument, requiredArray } from './command-arguments';
import { type CommandRequest, type CommandTable } from './command-types';
import { cursorReply } from './cursor-replies';

function namespaceNotFound(ns: string): MongoCommandError {
  return new MongoCommandError(ErrorCode.NamespaceNotFound, `ns does not exist: ${ns}`);
}

function createIndexes(request: CommandRequest): Document {
  const { command, db, server } = request;
  const name = collectionArgument(request);
  const specs = requiredArray(command, 'indexes').map(validateIndexSpec);
  const existed = server.engine.catalog.get(db, name) !== undefined;
  const collection = server.engine.ensureCollection(db, name);
  const numIndexesBefore = collection.indexes.size;
  const toCreate: IndexSpec[] = [];
  for (const spec of specs) {
    const sameNameSpec = collection.indexes.get(spec.name)?.spec ?? toCreate.find((other) => other.name === spec.name);
    if (sameNameSpec) {
      if (!sameKeyPattern(sameNameSpec.key, spec.key)) {
        throw new MongoCommandError(
          ErrorCode.IndexKeySpecsConflict,
          `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameNameSpec)}`,
        );
      }
      if (!sameIndexOptions(sameNameSpec, spec)) {
        throw new MongoCommandError(
          ErrorCode.IndexOptionsConflict,
          `An equivalent index already exists with the same name but different options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameNameSpec)}`,
        );
      }
      continue;
    }
    const sameKey = [...collection.indexes.values()].find(
      (index) => sameKeyPattern(index.spec.key, spec.key) && sameIndexOptions(index.spec, spec),
    );
    if (sameKey) {
      throw new MongoCommandError(
        ErrorCode.IndexOptionsConflict,
        `Index already exists with a different name: ${sameKey.name}`,
      );
    }
    toCreate.push(spec);
  }
  for (const spec of toCreate) server.engine.createIndex(collection, spec);
  const reply: Document = {
    numIndexesBefore,
    numIndexesAfter: collection.indexes.size,
    createdCollectionAutomatically: !existed,
    ok: 1,
  };
  if (toCreate.length === 0) reply.note = 'all indexes already exist';
  return reply;
}

function listIndexes(request: CommandRequest): Document {
  const { command, db, server } = request;
  const name = collectionArgument(request);
  const collection = server.engine.catalog.get(db, name);
  if (!collection) throw namespaceNotFound(`${db}.${name}`);
  const batchSize =
    isPlainObject(command.cursor) && command.cursor.batchSize !== undefined
      ? Number(command.cursor.batchSize)
      : undefined;
  return cursorReply(request, {
    ns: `${db}.${name}`,
    items: [...collection.indexes.values()].map((index) => index.spec),
    toDocument: (spec) => spec,
    batchSize,
  });
}

function dropIndexes(request: CommandRequest): Document {
  const { command, db, server } = request;
  const name = collectionArgument(request);
  const collection = server.engine.catalog.get(db, name);
  if (!collection) throw namespaceNotFound(`${db}.${name}`);
  const nIndexesWas = collection.indexes.size;
  const target = command.index;
  let names: string[];
  if (target === '*') {
    names = [...collection.indexes.keys()].filter((indexName) => indexName !== '_id_');
  } else if (typeof target === 'string') {
    names = [target];
  } else if (Array.isArray(target)) {
    names = target.map(String);
  } else if (isPlainObject(target)) {
    const match = [...collection.indexes.values()].find((index) => sameKeyPattern(index.spec.key, target));
    if (!match)
      throw new MongoCommandError(ErrorCode.IndexNotFound, `can't find index with key: ${JSON.stringify(target)}`);
    names = [match.name];
  } else {
    throw new MongoCommandError(
      ErrorCode.TypeMismatch,
      "BSON field 'index' must be a string, an array of strings or a key pattern",
    );
  }
  for (const indexName of names) {
    if (indexName === '_id_') throw new MongoCommandError(ErrorCode.InvalidOptions, 'cannot drop _id index');
    if (!collection.indexes.has(indexName))
      throw new MongoCommandError(ErrorCode.IndexNotFound, `index not found with name [${indexName}]`);
  }
  for (const indexName of names) server.engine.dropIndex(collection, indexName);
  return { nIndexesWas, ok: 1 };
}

export const indexCommands: CommandTable = {
  createIndexes: { handler: createIndexes, inTransaction: true },
  listIndexes: { handler: listIndexes },
  dropIndexes: { handler: dropIndexes },
  deleteIndexes: { handler: dropIndexes },
};
