import { type Socket } from 'node:net';

import { type Document } from 'bson';

import { type ClientState } from './auth/client-state';
import { dispatchCommand } from './commands/dispatch';
import { type BufferedBytesBudget, type ConnectionLimits } from './connection-limits';
import { ErrorCode, MongoCommandError } from './errors';
import { type ServerContext } from './server-context';
import { MessageFramer, OpCode, readHeader, WireProtocolError } from './wire/message-framer';
import { type ParsedOpMsg, parseOpMsg, serializeOpMsg } from './wire/op-msg';
import { type ParsedOpQuery, parseOpQuery, serializeOpReply } from './wire/op-query';

/** Messages buffered beyond this pause reading from the socket until the backlog is worked off. */
const MAX_QUEUED_MESSAGES = 32;

let nextResponseId = 1;
function responseId(): number {
  nextResponseId = nextResponseId >= 0x7fffffff ? 1 : nextResponseId + 1;
  return nextResponseId;
}

/**
 * One client connection: frames messages, runs them one at a time in arrival order, and writes replies
 * with backpressure. A message that cannot be parsed closes the connection; it never affects the server.
 * What it holds is bounded (see ConnectionLimits): it stops reading while its backlog is large, and is
 * closed when the server-wide budget of buffered bytes runs out, when a message stalls, or when idle.
 */
export class Connection {
  readonly id: number;
  private readonly socket: Socket;
  private readonly server: ServerContext;
  private readonly limits: ConnectionLimits;
  private readonly budget: BufferedBytesBudget;
  private readonly framer = new MessageFramer();
  private readonly queue: Buffer[] = [];
  private readonly client: ClientState;
  private queuedBytes = 0;
  /** Bytes taken from the server-wide budget: partial and queued messages not yet answered. */
  private heldBytes = 0;
  private waitingForRestOfMessage = false;
  private working = false;
  private closed = false;
  private paused = false;

  constructor({
    socket,
    server,
    id,
    limits,
    budget,
  }: {
    socket: Socket;
    server: ServerContext;
    id: number;
    limits: ConnectionLimits;
    budget: BufferedBytesBudget;
  }) {
    this.socket = socket;
    this.server = server;
    this.id = id;
    this.limits = limits;
    this.budget = budget;
    this.client = { id, authenticated: server.credential === undefined };
    socket.setNoDelay(true);
    socket.setTimeout(limits.idleMs);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('timeout', () => this.timedOut());
    socket.on('error', (error) =>
      server.logger.debug({ err: error, connectionId: id }, 'embedded mongo: socket error'),
    );
    socket.on('close', () => this.release());
  }

  close(): void {
    this.release();
    this.socket.destroy();
  }

  private release(): void {
    this.closed = true;
    this.budget.give(this.heldBytes);
    this.heldBytes = 0;
    this.queue.length = 0;
    this.queuedBytes = 0;
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    if (!this.budget.tryTake(chunk.length)) {
      this.server.logger.warn(
        { connectionId: this.id, heldBytes: this.heldBytes, budgetBytes: this.limits.maxBufferedBytes },
        'embedded mongo: closing a connection: the server holds too many unanswered bytes',
      );
      this.close();
      return;
    }
    this.heldBytes += chunk.length;
    try {
      for (const message of this.framer.push(chunk)) {
        this.queue.push(message);
        this.queuedBytes += message.length;
      }
    } catch (error) {
      this.reject(error);
      return;
    }
    this.watchForStall();
    if (
      !this.paused &&
      (this.queue.length > MAX_QUEUED_MESSAGES || this.queuedBytes > this.limits.maxQueuedBytesPerConnection)
    ) {
      this.paused = true;
      this.socket.pause();
    }
    if (!this.working) void this.work();
  }

  /** A half-received message gets the short stall deadline; a connection between messages the idle one. */
  private watchForStall(): void {
    const waiting = this.framer.partialBytes > 0;
    if (waiting === this.waitingForRestOfMessage) return;
    this.waitingForRestOfMessage = waiting;
    this.socket.setTimeout(waiting ? this.limits.stalledMessageMs : this.limits.idleMs);
  }

  private timedOut(): void {
    // A command still running (a getMore waiting for changes) is not idleness.
    if (this.closed || this.working) return;
    this.server.logger.info(
      { connectionId: this.id, partialBytes: this.framer.partialBytes },
      this.waitingForRestOfMessage
        ? 'embedded mongo: closing a connection whose message stopped arriving'
        : 'embedded mongo: closing an idle connection',
    );
    this.close();
  }

  private reject(error: unknown): void {
    this.server.logger.warn(
      { connectionId: this.id, reason: error instanceof Error ? error.message : String(error) },
      'embedded mongo: closing connection after a malformed message',
    );
    this.close();
  }

  /**
   * Answers queued messages in order. Commands answered synchronously are written in the same turn of the event
   * loop; only an asynchronous command (a waiting getMore) or a full socket buffer suspends the loop.
   */
  private async work(): Promise<void> {
    this.working = true;
    try {
      while (!this.closed && this.queue.length > 0) {
        const message = this.queue.shift()!;
        this.queuedBytes -= message.length;
        this.heldBytes -= message.length;
        this.budget.give(message.length);
        if (
          this.paused &&
          this.queue.length <= MAX_QUEUED_MESSAGES / 2 &&
          this.queuedBytes <= this.limits.maxQueuedBytesPerConnection / 2
        ) {
          this.paused = false;
          this.socket.resume();
        }
        const handled = this.handle(message);
        const reply = handled instanceof Promise ? await handled : handled;
        if (reply && !this.closed && !this.socket.write(reply)) await this.drained();
      }
    } catch (error) {
      if (error instanceof WireProtocolError) this.reject(error);
      else {
        this.server.logger.error({ err: error, connectionId: this.id }, 'embedded mongo: connection failed');
        this.close();
      }
    } finally {
      this.working = false;
    }
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.once('drain', done);
      this.socket.once('close', done);
    });
  }

  /**
   * Parses and answers one message; returns the reply bytes, or undefined when none is expected. A promise only
   * when the command itself is asynchronous.
   */
  private handle(message: Buffer): Buffer | undefined | Promise<Buffer | undefined> {
    const header = readHeader(message);
    if (header.opCode === OpCode.Msg) {
      const parsed = parseOpMsg(message);
      const reply = dispatchCommand(this.server, parsed.command, this.client);
      return reply instanceof Promise
        ? reply.then((body) => encodeMsgReply(parsed, body))
        : encodeMsgReply(parsed, reply);
    }
    if (header.opCode === OpCode.Query) {
      const parsed = parseOpQuery(message);
      const reply = this.legacyCommand(parsed.fullCollectionName, parsed.query);
      return reply instanceof Promise
        ? reply.then((body) => encodeQueryReply(parsed, body))
        : encodeQueryReply(parsed, reply);
    }
    throw new WireProtocolError(
      `unsupported opCode ${header.opCode}${header.opCode === OpCode.Compressed ? ' (compression is not offered)' : ''}`,
    );
  }

  /** Legacy OP_QUERY is only accepted for commands (`<db>.$cmd`), which is how drivers send the first handshake. */
  private legacyCommand(fullCollectionName: string, query: Document): Document | Promise<Document> {
    if (!fullCollectionName.endsWith('.$cmd')) {
      return new MongoCommandError(ErrorCode.CommandNotSupported, 'OP_QUERY is only supported for commands').toReply();
    }
    const db = fullCollectionName.slice(0, -'.$cmd'.length);
    const body = query.$query !== undefined && typeof query.$query === 'object' ? (query.$query as Document) : query;
    return dispatchCommand(this.server, { ...body, $db: db }, this.client);
  }
}

/** The OP_MSG answering a request, or nothing when the client said it expects none (`moreToCome`). */
function encodeMsgReply(request: ParsedOpMsg, reply: Document): Buffer | undefined {
  if (request.moreToCome) return undefined;
  return encodeReply(
    (body) => serializeOpMsg({ requestId: responseId(), responseTo: request.requestId, reply: body }),
    reply,
  );
}

function encodeQueryReply(request: ParsedOpQuery, reply: Document): Buffer {
  return encodeReply(
    (body) => serializeOpReply({ requestId: responseId(), responseTo: request.requestId, documents: [body] }),
    reply,
  );
}

/** Encodes a reply; one too large to encode (over 16 MB) is answered with BSONObjectTooLarge instead. */
function encodeReply(encode: (reply: Document) => Buffer, reply: Document): Buffer {
  try {
    return encode(reply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return encode(new MongoCommandError(10334, `reply is too large to send: ${message}`).toReply());
  }
}
