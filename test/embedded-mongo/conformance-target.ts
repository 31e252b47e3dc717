import { randomBytes } from 'node:crypto';

import { MongoClient, type Collection, type Db, type Document, type MongoClientOptions, type ObjectId } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

/**
 * The conformance suite is a yardstick for the embedded server: the same tests must pass against a
 * real MongoDB replica set. Set MONGODB_CONFORMANCE_URI to run them there; otherwise they run
 * against the server the Vitest global setup started.
 */
export const usingRealMongo = Boolean(process.env.MONGODB_CONFORMANCE_URI);

export function conformanceUri(): string {
  return process.env.MONGODB_CONFORMANCE_URI || inject('mongoUri');
}

/** Short enough for MongoDB's 63-byte database name limit, unique per file, worker and run. */
export function uniqueDatabaseName({ area }: { area: string }): string {
  const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0';
  const slug = area.replace(/[^a-zA-Z0-9]/g, '_').slice(0, 24);
  return `conf_${slug}_w${worker}_${randomBytes(4).toString('hex')}`;
}

/** Fail fast with a clear error when no server answers, instead of the driver's 30 s default. */
export const CONFORMANCE_CLIENT_OPTIONS: MongoClientOptions = { serverSelectionTimeoutMS: 10_000 };

/**
 * The suite stores documents of every shape with every kind of _id (numbers, strings, ObjectIds),
 * as a schemaless database allows; the driver's default typing assumes ObjectId ids.
 */
export type IdValue = string | number | boolean | ObjectId | Date | Document | null;
export type LooseDocument = Document & { _id?: IdValue };

export interface ConformanceDatabase {
  readonly client: MongoClient;
  readonly db: Db;
  readonly dbName: string;
  readonly uri: string;
  /** A collection no other test in the file has used. */
  freshCollection<T extends Document = LooseDocument>(label?: string): Collection<T>;
  /** A named collection of this file's database. */
  collection<T extends Document = LooseDocument>(name: string): Collection<T>;
}

/**
 * Connects one MongoClient for the test file to its own database and drops that database when
 * the file is done. Use it at the top level of a test file or inside a describe block.
 */
export function useConformanceDatabase({
  area,
  clientOptions = {},
}: {
  area: string;
  clientOptions?: MongoClientOptions;
}): ConformanceDatabase {
  let client: MongoClient | undefined;
  const dbName = uniqueDatabaseName({ area });
  let collectionCounter = 0;

  beforeAll(async () => {
    client = new MongoClient(conformanceUri(), { ...CONFORMANCE_CLIENT_OPTIONS, ...clientOptions });
    await client.connect();
  });
  afterAll(async () => {
    if (!client) return;
    try {
      await client.db(dbName).dropDatabase();
    } finally {
      await client.close();
    }
  });

  const connected = (): MongoClient => {
    if (!client) throw new Error('conformance database used outside a test (before beforeAll ran)');
    return client;
  };
  return {
    get client() {
      return connected();
    },
    get db() {
      return connected().db(dbName);
    },
    dbName,
    get uri() {
      return conformanceUri();
    },
    freshCollection<T extends Document = LooseDocument>(label = 'c') {
      collectionCounter += 1;
      return connected().db(dbName).collection<T>(`${label}_${collectionCounter}`);
    },
    collection<T extends Document = LooseDocument>(name: string) {
      return connected().db(dbName).collection<T>(name);
    },
  };
}

/** The Mongoose side of the same idea: one connection per test file, its own database, dropped after. */
export function useConformanceMongoose({ area }: { area: string }): { readonly connection: Connection } {
  let connection: Connection | undefined;
  const dbName = uniqueDatabaseName({ area });

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(conformanceUri(), { dbName, serverSelectionTimeoutMS: 10_000 })
      .asPromise();
  });
  afterAll(async () => {
    if (!connection) return;
    try {
      await connection.dropDatabase();
    } finally {
      await connection.close();
    }
  });

  return {
    get connection() {
      if (!connection) throw new Error('Mongoose connection used outside a test (before beforeAll ran)');
      return connection;
    },
  };
}
