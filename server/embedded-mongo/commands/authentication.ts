import { Binary, type Document } from 'bson';

import { type ClientState } from '../auth/client-state';
import { ScramConversation, SCRAM_MECHANISM } from '../auth/scram-sha-256';
import { ErrorCode, MongoCommandError } from '../errors';
import { type ServerContext } from '../server-context';
import { type CommandRequest, type CommandTable } from './command-types';

/** SCRAM messages travel as BinData in `payload`. */
function payloadText(payload: unknown): string {
  if (payload instanceof Binary) return Buffer.from(payload.buffer.subarray(0, payload.position)).toString('utf8');
  if (payload instanceof Uint8Array) return Buffer.from(payload).toString('utf8');
  if (typeof payload === 'string') return payload;
  throw new MongoCommandError(ErrorCode.TypeMismatch, "BSON field 'payload' is missing or is not BinData");
}

const binary = (text: string): Binary => new Binary(Buffer.from(text, 'utf8'));

/**
 * saslStart, also reached through `hello`'s `speculativeAuthenticate` (which saves drivers a round trip).
 * Users live in `admin`, as the server's one account does in mongod.
 */
export function startSaslConversation({
  server,
  client,
  command,
  db,
}: {
  server: ServerContext;
  client: ClientState;
  command: Document;
  db: string;
}): Document {
  if (command.mechanism !== SCRAM_MECHANISM) {
    throw new MongoCommandError(
      ErrorCode.MechanismUnavailable,
      `Received authentication for mechanism ${String(command.mechanism)} which is not enabled`,
    );
  }
  const credential = server.credential;
  if (!credential || db !== 'admin') {
    client.conversation = undefined;
    throw new MongoCommandError(ErrorCode.AuthenticationFailed, 'Authentication failed.');
  }
  const conversation = new ScramConversation(credential);
  const serverFirst = conversation.start(payloadText(command.payload));
  client.conversation = conversation;
  return { conversationId: 1, done: false, payload: binary(serverFirst), ok: 1 };
}

function saslStart({ server, client, command, db }: CommandRequest): Document {
  return startSaslConversation({ server, client, command, db });
}

function saslContinue({ client, command }: CommandRequest): Document {
  const conversation = client.conversation;
  if (!conversation) throw new MongoCommandError(ErrorCode.ProtocolError, 'No SASL session state found');
  // An empty message after success is the client's "done" when it could not skip the last exchange.
  if (client.authenticated && payloadText(command.payload) === '') {
    client.conversation = undefined;
    return { conversationId: 1, done: true, payload: binary(''), ok: 1 };
  }
  try {
    const serverFinal = conversation.finish(payloadText(command.payload));
    client.authenticated = true;
    return { conversationId: 1, done: true, payload: binary(serverFinal), ok: 1 };
  } catch (error) {
    client.conversation = undefined;
    throw error;
  }
}

function unsupportedMechanism(): never {
  throw new MongoCommandError(
    ErrorCode.MechanismUnavailable,
    `only ${SCRAM_MECHANISM} is enabled on the embedded server (authenticate: saslStart)`,
  );
}

export const authenticationCommands: CommandTable = {
  saslStart: { handler: saslStart, withoutAuthentication: true },
  saslContinue: { handler: saslContinue, withoutAuthentication: true },
  authenticate: { handler: unsupportedMechanism, withoutAuthentication: true },
  logout: { handler: () => ({ ok: 1 }), withoutAuthentication: true },
};
