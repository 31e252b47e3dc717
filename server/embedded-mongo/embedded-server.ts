import { createServer, type Server, type Socket } from 'node:net';

import { ObjectId } from 'bson';

import { Connection } from './connection';
import { CursorRegistry } from './cursors/cursor-registry';
import { Persistence } from './durability/persistence';
import { type EmbeddedLogger, type ServerContext, silentLogger } from './server-context';
import { SessionRegistry } from './sessions/session-registry';
import { Engine } from './storage/engine';
import { removeExpiredDocuments, TTL_MONITOR_INTERVAL_MS } from './storage/ttl-monitor';

export interface EmbeddedMongoOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Directory for the journal and snapshots; without it everything stays in memory. */
  dbPath?: string;
  /** Replica set name reported in `hello`. */
  replicaSetName?: string;
  logger?: EmbeddedLogger;
  /** Journal size that triggers compaction into a snapshot (default 64 MB). */
  compactAtBytes?: number;
  /** How many recent changes change streams can resume within (default 10,000). */
  retainedChanges?: number;
  /** How often TTL indexes are applied (default every 60 s, as in MongoDB). */
  ttlMonitorIntervalMs?: number;
}

export interface EmbeddedMongo {
  /** A connection string for the official driver and Mongoose. */
  uri: string;
  host: string;
  port: number;
  stop(): Promise<void>;
}

const SWEEP_INTERVAL_MS = 30_000;

function validateOptions(options: EmbeddedMongoOptions): void {
  const { port, host, dbPath } = options;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new RangeError(`startEmbeddedMongo: port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  if (host !== undefined && (typeof host !== 'string' || host === ''))
    throw new TypeError('startEmbeddedMongo: host must be a non-empty string');
  if (dbPath !== undefined && (typeof dbPath !== 'string' || dbPath === ''))
    throw new TypeError('startEmbeddedMongo: dbPath must be a non-empty string');
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Starts the embedded MongoDB-compatible server and resolves once it accepts connections. */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  validateOptions(options);
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? silentLogger;
  const engine = new Engine({ retainedChanges: options.retainedChanges });
  const persistence = options.dbPath
    ? await Persistence.open({ dir: options.dbPath, engine, logger, compactAtBytes: options.compactAtBytes })
    : undefined;

  const context: ServerContext = {
    engine,
    cursors: new CursorRegistry(),
    sessions: new SessionRegistry(),
    identity: {
      address: '',
      setName: options.replicaSetName ?? 'kiwanda',
      electionId: new ObjectId(),
      startedAt: new Date(),
    },
    logger,
  };
  const connections = new Set<Connection>();
  let nextConnectionId = 1;
  const server = createServer((socket: Socket) => {
    const connection = new Connection(socket, context, nextConnectionId++);
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  });
  server.on('error', (error) => logger.error({ err: error }, 'embedded mongo: server error'));

  let port: number;
  try {
    port = await listen(server, options.port ?? 0, host);
  } catch (error) {
    await persistence?.close();
    throw error;
  }
  // Clients must find their seed address in the replica set's host list; a wildcard bind is reached via loopback.
  const advertisedHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  context.identity.address = `${advertisedHost}:${port}`;

  const sweeper = setInterval(() => {
    context.cursors.sweep();
    for (const key of context.sessions.sweep()) context.cursors.killForSession(key);
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
  const ttlMonitor = setInterval(() => {
    try {
      const removed = removeExpiredDocuments(engine);
      if (removed > 0) logger.debug({ removed }, 'embedded mongo: removed expired documents');
    } catch (error) {
      logger.error({ err: error }, 'embedded mongo: TTL pass failed');
    }
  }, options.ttlMonitorIntervalMs ?? TTL_MONITOR_INTERVAL_MS);
  ttlMonitor.unref();

  logger.info({ address: context.identity.address, dbPath: options.dbPath ?? null }, 'embedded mongo: ready');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      clearInterval(sweeper);
      clearInterval(ttlMonitor);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const connection of connections) connection.close();
      context.cursors.closeAll();
      context.sessions.abortAll();
      engine.changes.wakeAll();
      await closed;
      await persistence?.close();
      logger.info({ address: context.identity.address }, 'embedded mongo: stopped');
    })();
    return stopping;
  };

  return {
    uri: `mongodb://${context.identity.address}/?directConnection=true`,
    host: advertisedHost,
    port,
    stop,
  };
}
