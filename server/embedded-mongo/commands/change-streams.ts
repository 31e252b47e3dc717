import { type Document, Long, type Timestamp } from 'bson';

import { bsonTypeOf, isPlainObject } from '../bson/values';
import { type ChangeStreamOptions, type StreamScope } from '../change-stream/change-event-shape';
import { ChangeStreamCursor } from '../change-stream/change-stream-cursor';
import { changeHistoryLost, decodeResumeToken } from '../change-stream/resume-token';
import { badValue, ErrorCode, MongoCommandError } from '../errors';
import { assertValidCollectionName } from '../storage/catalog';
import { type CommandRequest } from './command-types';

const FULL_DOCUMENT = new Set(['default', 'updateLookup', 'whenAvailable', 'required']);
const BEFORE_CHANGE = new Set(['off', 'whenAvailable', 'required']);
const STAGES_AFTER_CHANGE_STREAM = new Set([
  '$match',
  '$project',
  '$addFields',
  '$set',
  '$unset',
  '$replaceRoot',
  '$replaceWith',
  '$redact',
]);

function scopeOf({ command, db }: CommandRequest, spec: Document): StreamScope {
  const target = command.aggregate;
  if (typeof target === 'string') {
    assertValidCollectionName(target);
    return { kind: 'collection', db, coll: target };
  }
  if (spec.allChangesForCluster === true) {
    if (db !== 'admin') throw badValue('allChangesForCluster is only allowed on the admin database');
    return { kind: 'cluster' };
  }
  if (db === 'admin') throw badValue('$changeStream on the admin database needs allChangesForCluster: true');
  return { kind: 'database', db };
}

function startPosition(request: CommandRequest, spec: Document): number {
  const { engine } = request.server;
  const token = spec.startAfter ?? spec.resumeAfter;
  if (spec.startAfter !== undefined && spec.resumeAfter !== undefined)
    throw badValue('Only one of resumeAfter and startAfter may be given');
  if (token !== undefined) {
    const point = decodeResumeToken(token);
    if (point.invalidate && spec.resumeAfter !== undefined) {
      throw new MongoCommandError(260, 'Cannot resume a change stream after an invalidate event; use startAfter');
    }
    if (!engine.changes.covers(point.seq)) throw changeHistoryLost();
    return point.seq;
  }
  if (spec.startAtOperationTime !== undefined) {
    if (bsonTypeOf(spec.startAtOperationTime) !== 'Timestamp')
      throw badValue('startAtOperationTime must be a Timestamp');
    const first = engine.changes.firstSeqAtOrAfter(spec.startAtOperationTime as Timestamp);
    const seq = first === undefined ? engine.lastSeq : first - 1;
    if (!engine.changes.covers(seq)) throw changeHistoryLost();
    return seq;
  }
  return engine.lastSeq;
}

/** `aggregate` whose first stage is `$changeStream`: opens a tailable change stream cursor. */
export function openChangeStream(request: CommandRequest, pipeline: Document[]): Document {
  const { server, db, command } = request;
  const spec = pipeline[0].$changeStream;
  if (!isPlainObject(spec)) throw badValue('$changeStream takes an options object');
  const options: ChangeStreamOptions = {
    fullDocument: (spec.fullDocument ?? 'default') as ChangeStreamOptions['fullDocument'],
    fullDocumentBeforeChange: (spec.fullDocumentBeforeChange ??
      'off') as ChangeStreamOptions['fullDocumentBeforeChange'],
    showExpandedEvents: spec.showExpandedEvents === true,
  };
  if (!FULL_DOCUMENT.has(options.fullDocument))
    throw badValue(`unknown fullDocument option '${String(options.fullDocument)}'`);
  if (!BEFORE_CHANGE.has(options.fullDocumentBeforeChange))
    throw badValue(`unknown fullDocumentBeforeChange option '${String(options.fullDocumentBeforeChange)}'`);
  const stages = pipeline.slice(1);
  for (const stage of stages) {
    const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
    if (!name || !STAGES_AFTER_CHANGE_STREAM.has(name)) {
      throw new MongoCommandError(
        ErrorCode.IllegalOperation,
        `${String(name)} is not permitted in a $changeStream pipeline`,
      );
    }
  }
  const scope = scopeOf(request, spec);
  const ns = scope.kind === 'collection' ? `${db}.${scope.coll}` : `${db}.$cmd.aggregate`;
  const position = startPosition(request, spec);
  const cursor = new ChangeStreamCursor(ns, server.engine, scope, options, stages, position, request.session?.key);
  const batchSize =
    isPlainObject(command.cursor) && command.cursor.batchSize !== undefined
      ? Number(command.cursor.batchSize)
      : undefined;
  const first = cursor.collect(batchSize);
  const id = first.exhausted ? Long.ZERO : server.cursors.register(cursor);
  return {
    cursor: { firstBatch: first.docs, postBatchResumeToken: first.postBatchResumeToken, id, ns },
    operationTime: server.engine.currentClusterTime(),
    ok: 1,
  };
}
