import { describe, expect, it } from 'vitest';

import { CollectionReader } from '../query/collection-reader';
import { findDocuments } from '../query/find-documents';
import { Engine } from './engine';
import { validateIndexSpec } from './index-spec';
import { removeExpiredDocuments } from './ttl-monitor';

describe('removeExpiredDocuments', () => {
  it('removes documents whose TTL date is older than expireAfterSeconds, and nothing else', () => {
    const engine = new Engine();
    const sessions = engine.ensureCollection('kiwanda', 'sessions');
    engine.createIndex(sessions, validateIndexSpec({ key: { lastSeenAt: 1 }, expireAfterSeconds: 3600 }));
    const now = Date.UTC(2025, 5, 1, 12);
    engine.applyWrites([
      { kind: 'insert', collection: sessions, doc: { _id: 'old', lastSeenAt: new Date(now - 2 * 3600_000) } },
      { kind: 'insert', collection: sessions, doc: { _id: 'fresh', lastSeenAt: new Date(now - 60_000) } },
      { kind: 'insert', collection: sessions, doc: { _id: 'no-date', lastSeenAt: 'yesterday' } },
    ]);
    expect(removeExpiredDocuments(engine, now)).toBe(1);
    const left = findDocuments({ reader: new CollectionReader(sessions) }).map((stored) => stored.doc._id);
    expect(left.sort()).toEqual(['fresh', 'no-date']);
  });
});
