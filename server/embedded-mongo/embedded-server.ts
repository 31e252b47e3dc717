import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';

import { ObjectId } from 'bson';

import { authenticatedUri, type EmbeddedCredentials } from './auth/credentials-file';
import { deriveScramCredential } from './auth/scram-sha-256';
import { Connection } from './connection';
import { BufferedBytesBudget, type ConnectionLimits, DEFAULT_CONNECTION_LIMITS } from './connection-limits';
import { CursorRegistry } from './cursors/cursor-registry';
import { Persistence } from './durability/persistence';
import { PRIVATE_FILE_MODE } from './journal/private-files';
import { type EmbeddedLogger, type ServerContext, silentLogger } from './server-context';
import { SessionRegistry } from './sessions/session-registry';
import { Engine } from './storage/engine';
import { removeExpiredDocuments, TTL_MONITOR_INTERVAL_MS } from './storage/ttl-monitor';

export interface EmbeddedMongoOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /**
   * Listen on this Unix domain socket instead of TCP (`port` and `host` are then ignored). It is made
   * owner-only (0600): put it in a directory only the owner can enter, such as the data directory.
   */
  socketPath?: string;
  /** Require clients to log in with SCRAM-SHA-256 as this user; without it every connection is trusted. */
  credentials?: EmbeddedCredentials;
  /** Bounds on connections and what they may hold (see ConnectionLimits). */
  limits?: Partial<ConnectionLimits>;
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
  /** A connection string for the official driver and Mongoose (with the credentials when they are required). */
  uri: string;
  /** The TCP interface, or the socket's path. */
  host: string;
  /** The TCP port; 0 on a Unix socket. */
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

function listen(server: Server, target: { port: number; host: string } | { path: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(target, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

/**
 * A socket file left by a killed server would make listen fail. Only a socket is removed, never a file
 * that happens to have the name; the data directory's lock already guarantees no live server owns it.
 */
function removeStaleSocket(path: string): void {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
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
    credential: options.credentials ? deriveScramCredential(options.credentials) : undefined,
  };
  const limits: ConnectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
  const budget = new BufferedBytesBudget(limits.maxBufferedBytes);
  const connections = new Set<Connection>();
  let nextConnectionId = 1;
  const server = createServer((socket: Socket) => {
    const connection = new Connection({ socket, server: context, id: nextConnectionId++, limits, budget });
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  });
  server.maxConnections = limits.maxConnections;
  server.on('drop', () =>
    logger.warn({ maxConnections: limits.maxConnections }, 'embedded mongo: refused a connection over the limit'),
  );
  server.on('error', (error) => logger.error({ err: error }, 'embedded mongo: server error'));

  let port: number;
  let advertisedHost: string;
  try {
    if (options.socketPath) {
      removeStaleSocket(options.socketPath);
      port = await listen(server, { path: options.socketPath });
      chmodSync(options.socketPath, PRIVATE_FILE_MODE);
      advertisedHost = options.socketPath;
    } else {
      port = await listen(server, { port: options.port ?? 0, host });
      // Clients must find their seed address in the replica set's host list; a wildcard bind is reached via loopback.
      advertisedHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    }
  } catch (error) {
    await persistence?.close();
    throw error;
  }
  context.identity.address = options.socketPath ?? `${advertisedHost}:${port}`;

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

  logger.info(
    { address: context.identity.address, dbPath: options.dbPath ?? null, authentication: Boolean(options.credentials) },
    'embedded mongo: ready',
  );

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
    uri: authenticatedUri({
      address: options.socketPath ? encodeURIComponent(options.socketPath) : context.identity.address,
      credentials: options.credentials,
    }),
    host: advertisedHost,
    port,
    stop,
  };
}
