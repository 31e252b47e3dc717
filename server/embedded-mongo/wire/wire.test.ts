import { BSON, Int32, Long } from 'bson';
import { describe, expect, it } from 'vitest';

import { crc32c } from './crc32c';
import { MAX_MESSAGE_BYTES, MessageFramer, OpCode, WireProtocolError } from './message-framer';
import { parseOpMsg, serializeOpMsg } from './op-msg';
import { parseOpQuery, serializeOpReply } from './op-query';

function opMsg({
  flags = 0,
  sections,
  checksum = false,
}: {
  flags?: number;
  sections: Buffer[];
  checksum?: boolean;
}): Buffer {
  const body = Buffer.concat(sections);
  const length = 16 + 4 + body.length + (checksum ? 4 : 0);
  const message = Buffer.alloc(length);
  message.writeInt32LE(length, 0);
  message.writeInt32LE(7, 4);
  message.writeInt32LE(0, 8);
  message.writeInt32LE(OpCode.Msg, 12);
  message.writeUInt32LE(flags | (checksum ? 1 : 0), 16);
  body.copy(message, 20);
  if (checksum) message.writeUInt32LE(crc32c(message.subarray(0, length - 4)), length - 4);
  return message;
}

const bodySection = (doc: object) => Buffer.concat([Buffer.from([0]), BSON.serialize(doc)]);
function sequenceSection(identifier: string, docs: object[]): Buffer {
  const payload = Buffer.concat([Buffer.from(`${identifier}\0`), ...docs.map((doc) => BSON.serialize(doc))]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(payload.length + 4);
  return Buffer.concat([Buffer.from([1]), size, payload]);
}

describe('message framing', () => {
  it('reassembles messages split across chunks and splits messages sharing a chunk', () => {
    const first = opMsg({ sections: [bodySection({ ping: 1, $db: 'admin' })] });
    const second = opMsg({ sections: [bodySection({ hello: 1, $db: 'admin' })] });
    const stream = Buffer.concat([first, second]);
    const framer = new MessageFramer();
    const out: Buffer[] = [];
    for (let i = 0; i < stream.length; i += 3) out.push(...framer.push(stream.subarray(i, i + 3)));
    expect(out.map((message) => message.equals(first) || message.equals(second))).toEqual([true, true]);
    expect(out[0].equals(first)).toBe(true);
  });

  it('refuses a length below the header size or above 48 MB', () => {
    const tiny = Buffer.alloc(16);
    tiny.writeInt32LE(8, 0);
    expect(() => new MessageFramer().push(tiny)).toThrow(WireProtocolError);
    const huge = Buffer.alloc(16);
    huge.writeInt32LE(MAX_MESSAGE_BYTES + 1, 0);
    expect(() => new MessageFramer().push(huge)).toThrow(/exceeds/);
  });
});

describe('OP_MSG', () => {
  it('folds document sequences into the body and keeps BSON number types', () => {
    const parsed = parseOpMsg(
      opMsg({
        sections: [
          bodySection({ insert: 'jobs', $db: 'k' }),
          sequenceSection('documents', [{ n: new Int32(1) }, { n: Long.fromNumber(2) }]),
        ],
      }),
    );
    expect(parsed.command.insert).toBe('jobs');
    expect(parsed.command.documents).toHaveLength(2);
    expect(parsed.command.documents[0].n).toBeInstanceOf(Int32);
    expect(parsed.command.documents[1].n).toBeInstanceOf(Long);
  });

  it('verifies a checksum when one is present', () => {
    const good = opMsg({ sections: [bodySection({ ping: 1, $db: 'admin' })], checksum: true });
    expect(parseOpMsg(good).command.ping).toEqual(new Int32(1));
    const bad = Buffer.from(good);
    bad[bad.length - 1] ^= 0xff;
    expect(() => parseOpMsg(bad)).toThrow(/checksum/);
  });

  it('reports moreToCome and rejects unknown required flags, missing bodies and bad sections', () => {
    expect(parseOpMsg(opMsg({ flags: 2, sections: [bodySection({ ping: 1 })] })).moreToCome).toBe(true);
    expect(() => parseOpMsg(opMsg({ flags: 4, sections: [bodySection({ ping: 1 })] }))).toThrow(/flag/);
    expect(() => parseOpMsg(opMsg({ sections: [sequenceSection('documents', [{}])] }))).toThrow(/no body/);
    expect(() => parseOpMsg(opMsg({ sections: [Buffer.from([9, 0, 0, 0, 0])] }))).toThrow(/section kind/);
    const truncated = bodySection({ ping: 1 }).subarray(0, 6);
    expect(() => parseOpMsg(opMsg({ sections: [truncated] }))).toThrow(WireProtocolError);
  });

  it('serializes a reply that parses back to the same document', () => {
    const reply = serializeOpMsg({
      requestId: 5,
      responseTo: 7,
      reply: { ok: 1, n: new Int32(3), missing: undefined },
    });
    expect(reply.readInt32LE(0)).toBe(reply.length);
    expect(reply.readInt32LE(8)).toBe(7);
    const parsed = parseOpMsg(reply);
    expect(parsed.command).toEqual({ ok: new Int32(1), n: new Int32(3) });
  });
});

describe('OP_QUERY and OP_REPLY', () => {
  it('parses a legacy isMaster and answers with OP_REPLY', () => {
    const name = Buffer.from('admin.$cmd\0');
    const query = Buffer.from(BSON.serialize({ isMaster: 1 }));
    const length = 16 + 4 + name.length + 8 + query.length;
    const message = Buffer.alloc(length);
    message.writeInt32LE(length, 0);
    message.writeInt32LE(11, 4);
    message.writeInt32LE(OpCode.Query, 12);
    name.copy(message, 20);
    message.writeInt32LE(-1, 20 + name.length + 4);
    query.copy(message, 20 + name.length + 8);
    const parsed = parseOpQuery(message);
    expect(parsed).toMatchObject({ requestId: 11, fullCollectionName: 'admin.$cmd' });
    expect(parsed.query.isMaster).toEqual(new Int32(1));

    const reply = serializeOpReply({ requestId: 1, responseTo: 11, documents: [{ ok: 1 }] });
    expect(reply.readInt32LE(12)).toBe(OpCode.Reply);
    expect(reply.readInt32LE(32)).toBe(1);
    expect(BSON.deserialize(reply.subarray(36))).toEqual({ ok: 1 });
  });
});
