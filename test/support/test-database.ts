import mongoose, { type Connection } from 'mongoose';
import { inject } from 'vitest';

/** One database per Vitest worker, so parallel test files never see each other's data. */
export function testDatabaseName(): string {
  const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0';
  return `kiwanda_test_${worker}`;
}

/** The URI the global setup provided (embedded server or MONGODB_URI), pointing at this worker's database. */
export function testDatabaseUri(): string {
  return withDatabaseName(inject('mongoUri'), testDatabaseName());
}

/** Replaces the database path of a connection string (WHATWG URL cannot parse multi-host MongoDB URIs). */
export function withDatabaseName(uri: string, dbName: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`not a MongoDB connection string: ${uri}`);
  return `${match[1]}/${dbName}${match[2] ?? ''}`;
}

/** A fresh Mongoose connection to this worker's database; close it in afterAll. */
export async function connectTestMongoose(): Promise<Connection> {
  return mongoose.createConnection(testDatabaseUri(), { serverSelectionTimeoutMS: 10_000 }).asPromise();
}

/** Drops this worker's database (through its own short-lived connection). */
export async function dropTestDatabase(): Promise<void> {
  const connection = await connectTestMongoose();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}
