import { type Document, Long } from 'bson';

import { type Engine } from '../storage/engine';
import { idKeyOf } from '../storage/id-key';
import { type ChangeRecord } from './change-event-log';
import { encodeResumeToken } from './resume-token';

export interface ChangeStreamOptions {
  fullDocument: 'default' | 'updateLookup' | 'whenAvailable' | 'required';
  fullDocumentBeforeChange: 'off' | 'whenAvailable' | 'required';
  showExpandedEvents: boolean;
}

/** Which changes a stream watches: one collection, one database, or (from admin) the whole deployment. */
export type StreamScope =
  { kind: 'collection'; db: string; coll: string } | { kind: 'database'; db: string } | { kind: 'cluster' };

const EXPANDED_ONLY = new Set(['create', 'createIndexes', 'dropIndexes']);

export function isInScope(record: ChangeRecord, scope: StreamScope): boolean {
  if (scope.kind === 'cluster') return true;
  if (record.db !== scope.db) return false;
  if (scope.kind === 'database') return true;
  return record.coll === scope.coll || record.operationType === 'dropDatabase';
}

/** Whether this change ends the stream (the watched collection or database went away). */
export function invalidates(record: ChangeRecord, scope: StreamScope): boolean {
  if (scope.kind === 'collection')
    return (
      record.operationType === 'drop' || record.operationType === 'rename' || record.operationType === 'dropDatabase'
    );
  if (scope.kind === 'database') return record.operationType === 'dropDatabase';
  return false;
}

/** The event document a change stream delivers for a recorded change. */
export function changeEventOf(
  record: ChangeRecord,
  options: ChangeStreamOptions,
  engine: Engine,
): Document | undefined {
  if (EXPANDED_ONLY.has(record.operationType) && !options.showExpandedEvents) return undefined;
  const event: Document = {
    _id: encodeResumeToken(record.seq),
    operationType: record.operationType,
    clusterTime: engine.changes.clusterTimeAt(record.seq, record.wallTimeMs),
    wallTime: new Date(record.wallTimeMs),
    ns: record.coll === undefined ? { db: record.db } : { db: record.db, coll: record.coll },
  };
  if (record.documentKey) event.documentKey = record.documentKey;
  if (record.updateDescription) event.updateDescription = record.updateDescription;
  if (record.to) event.to = record.to;
  if (record.operationType === 'insert' || record.operationType === 'replace') {
    event.fullDocument = record.fullDocument;
  } else if (record.operationType === 'update') {
    if (options.fullDocument === 'updateLookup') {
      const collection = engine.catalog.get(record.db, record.coll ?? '');
      event.fullDocument = collection?.get(idKeyOf(record.documentKey?._id))?.doc ?? null;
    } else if (options.fullDocument !== 'default') {
      event.fullDocument = record.fullDocument ?? null;
    }
  }
  if (
    options.fullDocumentBeforeChange !== 'off' &&
    (record.operationType === 'update' || record.operationType === 'replace' || record.operationType === 'delete')
  ) {
    event.fullDocumentBeforeChange = record.fullDocumentBeforeChange ?? null;
  }
  if (record.txnNumber !== undefined) {
    event.lsid = record.lsid;
    event.txnNumber = typeof record.txnNumber === 'bigint' ? Long.fromBigInt(record.txnNumber) : record.txnNumber;
  }
  return event;
}

export function invalidateEventOf(record: ChangeRecord, engine: Engine): Document {
  return {
    _id: encodeResumeToken(record.seq, true),
    operationType: 'invalidate',
    clusterTime: engine.changes.clusterTimeAt(record.seq, record.wallTimeMs),
    wallTime: new Date(record.wallTimeMs),
  };
}
