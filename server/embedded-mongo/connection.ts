import { type Socket } from 'node:net';

import { type Document } from 'bson';

import { dispatchCommand } from './commands/dispatch';
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
 */
export class Connection {
  private readonly framer = new MessageFramer();
  private readonly queue: Buffer[] = [];
  private working = false;
  private closed = false;
  private paused = false;

  constructor(
    private readonly socket: Socket,
    private readonly server: ServerContext,
    readonly id: number,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) =>
      server.logger.debug({ err: error, connectionId: id }, 'embedded mongo: socket error'),
    );
    socket.on('close', () => {
      this.closed = true;
    });
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    try {
      this.queue.push(...this.framer.push(chunk));
    } catch (error) {
      this.reject(error);
      return;
    }
    if (this.queue.length > MAX_QUEUED_MESSAGES && !this.paused) {
      this.paused = true;
      this.socket.pause();
    }
    if (!this.working) void this.work();
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
        if (this.paused && this.queue.length <= MAX_QUEUED_MESSAGES / 2) {
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
      const reply = dispatchCommand(this.server, parsed.command, this.id);
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
    return dispatchCommand(this.server, { ...body, $db: db }, this.id);
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
