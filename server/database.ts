import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import mongoose from 'mongoose';

import { type Config } from './config';
import { startEmbeddedMongo } from './embedded-mongo';
import { type Logger } from './logger';

export type DatabaseState = 'connected' | 'connecting' | 'disconnected' | 'disconnecting';

export interface Database {
  /** Where the data lives: the configured MongoDB, or the embedded server Kiwanda started. */
  mode: 'external' | 'embedded';
  state(): DatabaseState;
  close(): Promise<void>;
}

const READY_STATES: Record<number, DatabaseState> = {
  0: 'disconnected',
  1: 'connected',
  2: 'connecting',
  3: 'disconnecting',
};

/**
 * Connects the process-wide Mongoose connection: to MONGODB_URI when set, otherwise to an
 * embedded MongoDB-compatible server keeping its data under DATA_DIR/db.
 */
export async function connectDatabase({
  config,
  logger,
}: {
  config: Pick<Config, 'MONGODB_URI' | 'DATA_DIR'>;
  logger: Logger;
}): Promise<Database> {
  let uri: string;
  let embedded: Awaited<ReturnType<typeof startEmbeddedMongo>> | undefined;
  if (config.MONGODB_URI) {
    uri = config.MONGODB_URI;
  } else {
    const dbPath = path.resolve(config.DATA_DIR, 'db');
    await mkdir(dbPath, { recursive: true });
    embedded = await startEmbeddedMongo({ port: 0, dbPath, logger: logger.child({ module: 'embedded-mongo' }) });
    uri = embedded.uri;
    logger.info({ dbPath }, 'embedded database started');
  }
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000, dbName: embedded ? 'kiwanda' : undefined });
  logger.info({ mode: embedded ? 'embedded' : 'external' }, 'database connected');

  return {
    mode: embedded ? 'embedded' : 'external',
    state: () => READY_STATES[mongoose.connection.readyState] ?? 'disconnected',
    async close() {
      await mongoose.disconnect();
      // Stopping the embedded server flushes its journal, so every acknowledged write is on disk.
      await embedded?.stop();
    },
  };
}
