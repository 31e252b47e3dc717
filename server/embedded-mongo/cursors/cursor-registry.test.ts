import { describe, expect, it } from 'vitest';

import { CURSOR_IDLE_TIMEOUT_MS, CursorRegistry } from './cursor-registry';
import { DocumentCursor } from './document-cursor';

describe('CursorRegistry', () => {
  it('issues positive int64 ids and closes cursors idle past the timeout', async () => {
    const registry = new CursorRegistry();
    const cursor = new DocumentCursor('db.c', [{ a: 1 }, { a: 2 }], (doc) => doc);
    const id = registry.register(cursor);
    expect(id.greaterThan(0)).toBe(true);
    expect(registry.sweep(Date.now() + CURSOR_IDLE_TIMEOUT_MS - 1000)).toBe(0);
    expect(await registry.use(id, (open) => open.nextBatch({ batchSize: 1 }))).toEqual({
      docs: [{ a: 1 }],
      exhausted: false,
    });
    expect(registry.sweep(Date.now() + CURSOR_IDLE_TIMEOUT_MS + 1000)).toBe(1);
    expect(registry.has(id)).toBe(false);
  });
});
