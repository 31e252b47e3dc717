import { type Socket } from 'node:net';

import { type Document } from 'bson';

import { dispatchCommand } from './commands/dispatch';
import { ErrorCode, MongoCommandError } from './errors';
import { type ServerContext } from './server-context';
import { MessageFramer, OpCode, readHeader, WireProtocolError } from './wire/message-framer';
import { parseOpMsg, serializeOpMsg } from './wire/op-msg';
import { parseOpQuery, serializeOpReply } from './wire/op-query';

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
    if (this.queue.length > MAX_QUEUED_MESSAGES) this.socket.pause();
    if (!this.working) void this.work();
  }

  private reject(error: unknown): void {
    this.server.logger.warn(
      { connectionId: this.id, reason: error instanceof Error ? error.message : String(error) },
      'embedded mongo: closing connection after a malformed message',
    );
    this.close();
  }

  private async work(): Promise<void> {
    this.working = true;
    try {
      while (!this.closed && this.queue.length > 0) {
        const message = this.queue.shift()!;
        if (this.queue.length <= MAX_QUEUED_MESSAGES / 2) this.socket.resume();
        const reply = await this.handle(message);
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

  /** Parses and answers one message; returns the reply bytes, or undefined when none is expected. */
  private async handle(message: Buffer): Promise<Buffer | undefined> {
    const header = readHeader(message);
    if (header.opCode === OpCode.Msg) {
      const parsed = parseOpMsg(message);
      const reply = await dispatchCommand(this.server, parsed.command, this.id);
      if (parsed.moreToCome) return undefined;
      return encodeReply(
        (body) => serializeOpMsg({ requestId: responseId(), responseTo: parsed.requestId, reply: body }),
        reply,
      );
    }
    if (header.opCode === OpCode.Query) {
      const parsed = parseOpQuery(message);
      const reply = await this.legacyCommand(parsed.fullCollectionName, parsed.query);
      return encodeReply(
        (body) => serializeOpReply({ requestId: responseId(), responseTo: parsed.requestId, documents: [body] }),
        reply,
      );
    }
    throw new WireProtocolError(
      `unsupported opCode ${header.opCode}${header.opCode === OpCode.Compressed ? ' (compression is not offered)' : ''}`,
    );
  }

  /** Legacy OP_QUERY is only accepted for commands (`<db>.$cmd`), which is how drivers send the first handshake. */
  private async legacyCommand(fullCollectionName: string, query: Document): Promise<Document> {
    if (!fullCollectionName.endsWith('.$cmd')) {
      return new MongoCommandError(ErrorCode.CommandNotSupported, 'OP_QUERY is only supported for commands').toReply();
    }
    const db = fullCollectionName.slice(0, -'.$cmd'.length);
    const body = query.$query !== undefined && typeof query.$query === 'object' ? (query.$query as Document) : query;
    return dispatchCommand(this.server, { ...body, $db: db }, this.id);
  }
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
