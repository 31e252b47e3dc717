import { type Document, UUID } from 'bson';

import { ErrorCode, MongoCommandError } from '../errors';
import { SESSION_TIMEOUT_MINUTES } from '../sessions/session-registry';
import { type CommandRequest, type CommandTable } from './command-types';

/** MongoDB 7.0's wire version: high enough for every feature driver 7 and Mongoose 9 use. */
export const MAX_WIRE_VERSION = 21;
export const SERVER_VERSION = '7.0.0';

function hello({ server, command, name, connectionId }: CommandRequest): Document {
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
    connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
  if (command.saslSupportedMechs !== undefined) reply.saslSupportedMechs = [];
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

function getParameter({ command }: CommandRequest): Document {
  const known: Document = {
    featureCompatibilityVersion: { version: '7.0' },
    authenticationMechanisms: [],
    transactionLifetimeLimitSeconds: 60,
    maxTransactionLockRequestTimeoutMillis: 5,
  };
  if (command.getParameter === '*') return { ...known, ok: 1 };
  const reply: Document = {};
  for (const key of Object.keys(command)) if (key in known) reply[key] = known[key];
  return { ...reply, ok: 1 };
}

function unsupportedAuth({ name }: CommandRequest): never {
  throw new MongoCommandError(
    ErrorCode.CommandNotSupported,
    `${name}: authentication is not supported by the embedded server; connect without credentials`,
  );
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

export const handshakeCommands: CommandTable = {
  hello: { handler: hello },
  isMaster: { handler: hello },
  ismaster: { handler: hello },
  ping: { handler: () => ({ ok: 1 }) },
  buildInfo: { handler: buildInfo },
  buildinfo: { handler: buildInfo },
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
  startSession: { handler: () => ({ id: { id: new UUID() }, timeoutMinutes: SESSION_TIMEOUT_MINUTES, ok: 1 }) },
  saslStart: { handler: unsupportedAuth },
  saslContinue: { handler: unsupportedAuth },
  authenticate: { handler: unsupportedAuth },
  logout: { handler: () => ({ ok: 1 }) },
};
