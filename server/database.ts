import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';

import mongoose from 'mongoose';

import { type Config } from './config';
import { CREDENTIALS_FILE_NAME, loadOrCreateCredentials } from './embedded-mongo/auth/credentials-file';
import { PRIVATE_DIRECTORY_MODE } from './embedded-mongo/journal/private-files';
import { startEmbeddedMongoInThread } from './embedded-mongo/thread/start-in-thread';
import { type Logger } from './logger';

export type DatabaseState = 'connected' | 'connecting' | 'disconnected' | 'disconnecting';

export interface Database {
  /** Where the data lives: the configured MongoDB, or the embedded server Kiwanda started. */
  mode: 'external' | 'embedded';
  /** How another thread of this process connects to the same data (server/page-threads/). */
  address: DatabaseAddress;
  state(): DatabaseState;
  close(): Promise<void>;
}

/** Linux keeps a Unix socket's path in 108 bytes, the terminating NUL included. */
const MAX_SOCKET_PATH_BYTES = 107;
/** Pooled connections are retired before the embedded server's 30-minute idle limit closes them. */
const MAX_IDLE_POOLED_CONNECTION_MS = 10 * 60_000;

/**
 * The embedded server is reachable by no other local user: on a socket in the owner-only data directory
 * when its path fits, otherwise on loopback TCP with SCRAM-SHA-256 credentials generated into that
 * directory (readable by the owner only). It runs on its own thread (see start-in-thread.ts).
 */
async function startPrivateEmbeddedServer({ dataDir, logger }: { dataDir: string; logger: Logger }) {
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  await chmod(dataDir, PRIVATE_DIRECTORY_MODE);
  const dbPath = path.join(dataDir, 'db');
  await mkdir(dbPath, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  const socketPath = path.join(dbPath, 'mongod.sock');
  const embeddedLogger = logger.child({ module: 'embedded-mongo' });
  const server = await startEmbeddedMongoInThread(
    Buffer.byteLength(socketPath) <= MAX_SOCKET_PATH_BYTES
      ? { socketPath, dbPath, logger: embeddedLogger }
      : { port: 0, dbPath, credentials: tcpCredentials({ dbPath, socketPath, logger }), logger: embeddedLogger },
  );
  // As when it ran on this thread: a database that fails under a running app ends the process,
  // and its supervisor starts it again from the journal.
  server.onFailure((error) => {
    logger.fatal({ err: error }, 'embedded database failed');
    throw error;
  });
  return { dbPath, server };
}

function tcpCredentials({ dbPath, socketPath, logger }: { dbPath: string; socketPath: string; logger: Logger }) {
  logger.info({ socketPath }, 'data directory path too long for a Unix socket: using TCP with credentials');
  return loadOrCreateCredentials({ file: path.join(dbPath, CREDENTIALS_FILE_NAME) });
}

/** Where the database answers: MONGODB_URI, or the embedded server's private socket (with its options). */
export interface DatabaseAddress {
  uri: string;
  embedded: boolean;
}

/** Connects this thread's Mongoose to a database that is already running. */
export async function joinDatabase({ uri, embedded }: DatabaseAddress): Promise<void> {
  await mongoose.connect(uri, {
    serverSelectionTimeoutMS: 10_000,
    dbName: embedded ? 'kiwanda' : undefined,
    ...(embedded ? { maxIdleTimeMS: MAX_IDLE_POOLED_CONNECTION_MS } : {}),
  });
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
  let embedded: Awaited<ReturnType<typeof startEmbeddedMongoInThread>> | undefined;
  if (config.MONGODB_URI) {
    uri = config.MONGODB_URI;
  } else {
    const started = await startPrivateEmbeddedServer({ dataDir: path.resolve(config.DATA_DIR), logger });
    embedded = started.server;
    uri = embedded.uri;
    logger.info({ dbPath: started.dbPath }, 'embedded database started');
  }
  const address: DatabaseAddress = { uri, embedded: embedded !== undefined };
  await joinDatabase(address);
  logger.info({ mode: embedded ? 'embedded' : 'external' }, 'database connected');

  return {
    mode: embedded ? 'embedded' : 'external',
    address,
    state: () => READY_STATES[mongoose.connection.readyState] ?? 'disconnected',
    async close() {
      await mongoose.disconnect();
      // Stopping the embedded server flushes its journal, so every acknowledged write is on disk.
      await embedded?.stop();
    },
  };
}
