import { type Document } from 'bson';

import { ErrorCode, MongoCommandError } from '../errors';
import { Collection } from './collection';

const INVALID_DB_CHARS = /[/\\. "$\0]/;

export function assertValidDatabaseName(db: unknown): asserts db is string {
  if (typeof db !== 'string' || db === '' || db.length > 63 || INVALID_DB_CHARS.test(db)) {
    throw new MongoCommandError(ErrorCode.InvalidNamespace, `Invalid database name: '${String(db)}'`);
  }
}

export function assertValidCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name === '' || name.includes('\0') || name.includes('$') || name.startsWith('.')) {
    throw new MongoCommandError(ErrorCode.InvalidNamespace, `Invalid collection name: '${String(name)}'`);
  }
}

/** Databases and their collections. Databases exist while they hold at least one collection, as in MongoDB. */
export class Catalog {
  private readonly databases = new Map<string, Map<string, Collection>>();

  get(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  create(db: string, name: string, options: Document = {}): Collection {
    assertValidDatabaseName(db);
    assertValidCollectionName(name);
    if (this.get(db, name))
      throw new MongoCommandError(ErrorCode.NamespaceExists, `Collection ${db}.${name} already exists.`);
    const collection = new Collection(db, name, options);
    this.attach(collection);
    return collection;
  }

  attach(collection: Collection): void {
    let database = this.databases.get(collection.db);
    if (!database) {
      database = new Map();
      this.databases.set(collection.db, database);
    }
    database.set(collection.name, collection);
  }

  drop(db: string, name: string): Collection | undefined {
    const database = this.databases.get(db);
    const collection = database?.get(name);
    if (!database || !collection) return undefined;
    database.delete(name);
    if (database.size === 0) this.databases.delete(db);
    return collection;
  }

  dropDatabase(db: string): Collection[] {
    const collections = [...(this.databases.get(db)?.values() ?? [])];
    this.databases.delete(db);
    return collections;
  }

  rename(collection: Collection, toDb: string, toName: string): void {
    assertValidDatabaseName(toDb);
    assertValidCollectionName(toName);
    this.drop(collection.db, collection.name);
    const renamed = new Collection(toDb, toName, collection.options, collection.uuid);
    for (const [id, stored] of collection.docs) renamed.docs.set(id, stored);
    renamed.indexes.clear();
    for (const [name, index] of collection.indexes) renamed.indexes.set(name, index);
    this.attach(renamed);
  }

  collections(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  allCollections(): Collection[] {
    return [...this.databases.values()].flatMap((database) => [...database.values()]);
  }
}
