import { describe, expect, it } from 'vitest';

import { htmlInLargeChunks } from './html-in-large-chunks.server';

async function readAll(stream: ReturnType<typeof htmlInLargeChunks>): Promise<Buffer[]> {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(piece as Buffer);
  return pieces;
}

describe('HTML passed on in large pieces', () => {
  it('passes on what was written in one go as one piece, bytes unchanged', async () => {
    const stream = htmlInLargeChunks();
    const written = Array.from({ length: 20 }, (_, index) => Buffer.from(`<tr><td>${index}</td></tr>`.repeat(50)));
    for (const piece of written) stream.write(piece);
    stream.end();
    const pieces = await readAll(stream);
    expect(pieces).toHaveLength(1);
    expect(Buffer.concat(pieces).equals(Buffer.concat(written))).toBe(true);
  });

  it('lets a piece written earlier leave before a later one arrives, and splits very large pages', async () => {
    const stream = htmlInLargeChunks();
    const pieces: Buffer[] = [];
    stream.on('data', (piece: Buffer) => pieces.push(piece));
    stream.write(Buffer.from('<html><body>shell'));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(Buffer.concat(pieces).toString()).toBe('<html><body>shell');

    const big = Buffer.alloc(2048, 'x');
    for (let index = 0; index < 100; index++) stream.write(big);
    stream.end('</body></html>');
    await new Promise((resolve) => stream.on('end', resolve));
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.concat(pieces).length).toBe('<html><body>shell'.length + 100 * 2048 + '</body></html>'.length);
  });
});
