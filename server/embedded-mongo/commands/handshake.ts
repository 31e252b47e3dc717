import { type Document, UUID } from 'bson';

import { SCRAM_MECHANISM } from '../auth/scram-sha-256';
import { toCommandError } from '../errors';
import { SESSION_TIMEOUT_MINUTES } from '../sessions/session-registry';
import { startSaslConversation } from './authentication';
import { type CommandRequest, type CommandTable } from './command-types';

/** MongoDB 7.0's wire version: high enough for every feature driver 7 and Mongoose 9 use. */
export const MAX_WIRE_VERSION = 21;
export const SERVER_VERSION = '7.0.0';

function hello({ server, command, name, client }: CommandRequest): Document {
  const { identity } = server;
  const reply: Document = {
    ...(name === 'hello' ? { isWritablePrimary: true } : { ismaster: true }),
    ...(command.helloOk === true ? { helloOk: true } : {}),
    setName: identity.setName,
    setVersion: 1,
    hosts: [identity.address],
    primary: identity.address,
    me: identity.address,
    secondary: false,
    electionId: identity.electionId,
    // No topologyVersion: without it drivers poll with plain hello instead of the streaming protocol.
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: SESSION_TIMEOUT_MINUTES,
    connectionId: client.id,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
  // The same answer for any user name, so the handshake does not tell which accounts exist.
  if (command.saslSupportedMechs !== undefined) reply.saslSupportedMechs = server.credential ? [SCRAM_MECHANISM] : [];
  const speculative = command.speculativeAuthenticate as Document | undefined;
  if (speculative && server.credential && !client.authenticated) {
    // As mongod does, a failed speculative attempt is left out of the reply: the driver then runs saslStart.
    try {
      const db = typeof speculative.db === 'string' ? speculative.db : 'admin';
      reply.speculativeAuthenticate = startSaslConversation({ server, client, command: speculative, db });
    } catch (error) {
      server.logger.debug(
        { reason: toCommandError(error).message },
        'embedded mongo: speculative authentication failed',
      );
    }
  }
  return reply;
}

function buildInfo(): Document {
  return {
    version: SERVER_VERSION,
    gitVersion: 'kiwanda-embedded',
    versionArray: SERVER_VERSION.split('.').map(Number).concat(0),
    bits: 64,
    debug: false,
    maxBsonObjectSize: 16 * 1024 * 1024,
    storageEngines: ['kiwanda-embedded'],
    modules: [],
    ok: 1,
  };
}

function getParameter({ server, command }: CommandRequest): Document {
  const known: Document = {
    featureCompatibilityVersion: { version: '7.0' },
    authenticationMechanisms: server.credential ? [SCRAM_MECHANISM] : [],
    transactionLifetimeLimitSeconds: 60,
    maxTransactionLockRequestTimeoutMillis: 5,
  };
  if (command.getParameter === '*') return { ...known, ok: 1 };
  const reply: Document = {};
  for (const key of Object.keys(command)) if (key in known) reply[key] = known[key];
  return { ...reply, ok: 1 };
}

function serverStatus({ server }: CommandRequest): Document {
  return {
    host: server.identity.address,
    version: SERVER_VERSION,
    process: 'kiwanda-embedded',
    uptime: Math.floor((Date.now() - server.identity.startedAt.getTime()) / 1000),
    localTime: new Date(),
    connections: {},
    ok: 1,
  };
}

function endSessions({ server, command, name }: CommandRequest): Document {
  const lsids = Array.isArray(command[name]) ? (command[name] as Document[]) : [];
  for (const key of server.sessions.end(lsids)) server.cursors.killForSession(key);
  return { ok: 1 };
}

/** `killAllSessions: []`: every session ends, so no abandoned transaction holds its locks for a minute more. */
function killAllSessions({ server }: CommandRequest): Document {
  for (const key of server.sessions.endAll()) server.cursors.killForSession(key);
  return { ok: 1 };
}

export const handshakeCommands: CommandTable = {
  // What mongod answers before authentication: the handshake, ping and the version.
  hello: { handler: hello, withoutAuthentication: true },
  isMaster: { handler: hello, withoutAuthentication: true },
  ismaster: { handler: hello, withoutAuthentication: true },
  ping: { handler: () => ({ ok: 1 }), withoutAuthentication: true },
  buildInfo: { handler: buildInfo, withoutAuthentication: true },
  buildinfo: { handler: buildInfo, withoutAuthentication: true },
  getParameter: { handler: getParameter },
  hostInfo: {
    handler: () => ({ system: { currentTime: new Date(), hostname: 'localhost' }, os: {}, extra: {}, ok: 1 }),
  },
  getCmdLineOpts: { handler: () => ({ argv: ['kiwanda-embedded'], parsed: {}, ok: 1 }) },
  serverStatus: { handler: serverStatus },
  connectionStatus: { handler: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }) },
  whatsmyuri: { handler: () => ({ you: '127.0.0.1:0', ok: 1 }) },
  getLog: { handler: () => ({ totalLinesWritten: 0, log: [], ok: 1 }) },
  endSessions: { handler: endSessions },
  refreshSessions: { handler: () => ({ ok: 1 }) },
  killSessions: { handler: endSessions },
  killAllSessions: { handler: killAllSessions },
  startSession: { handler: () => ({ id: { id: new UUID() }, timeoutMinutes: SESSION_TIMEOUT_MINUTES, ok: 1 }) },
};
