import { type Document } from 'bson';
import { Aggregator } from 'mingo';

import { isPlainObject, toQueryView } from '../bson/values';
import { type CursorBatch, type ServerCursor } from '../cursors/cursor-registry';
import { compileValueFilter } from '../query/matcher';
import { type Engine } from '../storage/engine';
import {
  changeEventOf,
  type ChangeStreamOptions,
  invalidateEventOf,
  invalidates,
  isInScope,
  type StreamScope,
} from './change-event-shape';
import { changeHistoryLost, encodeResumeToken } from './resume-token';

export const DEFAULT_AWAIT_MS = 1000;

/** Applies the stages that follow $changeStream; `$match`-only pipelines keep the events' exact BSON types. */
function compilePipeline(stages: Document[]): (event: Document) => Document | undefined {
  if (stages.length === 0) return (event) => event;
  if (stages.every((stage) => isPlainObject(stage) && '$match' in stage)) {
    const matchers = stages.map((stage) => compileValueFilter(stage.$match));
    return (event) => (matchers.every((matches) => matches(event)) ? event : undefined);
  }
  const aggregator = new Aggregator(toQueryView(stages) as Document[], {});
  return (event) => aggregator.run<Document>([toQueryView(event) as Document])[0];
}

/**
 * A tailable cursor over the change history. getMore waits (up to maxTimeMS, 1 s by default) for new changes
 * by listening to the change log rather than polling.
 */
export class ChangeStreamCursor implements ServerCursor {
  private closed = false;
  private readonly transform: (event: Document) => Document | undefined;

  constructor(
    readonly ns: string,
    private readonly engine: Engine,
    private readonly scope: StreamScope,
    private readonly options: ChangeStreamOptions,
    stages: Document[],
    /** Sequence number of the last change this stream has moved past. */
    private position: number,
    readonly sessionKey?: string,
  ) {
    this.transform = compilePipeline(stages);
  }

  get resumeToken(): Document {
    return encodeResumeToken(this.position);
  }

  /** Events available now, without waiting. */
  collect(batchSize?: number): CursorBatch {
    if (!this.engine.changes.covers(this.position)) throw changeHistoryLost();
    const limit = batchSize && batchSize > 0 ? batchSize : Number.POSITIVE_INFINITY;
    const docs: Document[] = [];
    for (const record of this.engine.changes.after(this.position)) {
      if (docs.length >= limit || this.closed) break;
      this.position = record.seq;
      if (!isInScope(record, this.scope)) continue;
      const event = changeEventOf(record, this.options, this.engine);
      const shaped = event && this.transform(event);
      if (shaped) docs.push(shaped);
      if (invalidates(record, this.scope)) {
        docs.push(invalidateEventOf(record, this.engine));
        this.closed = true;
      }
    }
    if (!this.closed && docs.length < limit) this.position = Math.max(this.position, this.engine.lastSeq);
    const last = docs[docs.length - 1];
    return {
      docs,
      exhausted: this.closed,
      postBatchResumeToken: last && isPlainObject(last._id) ? last._id : this.resumeToken,
    };
  }

  async nextBatch({ batchSize, maxTimeMS }: { batchSize?: number; maxTimeMS?: number }): Promise<CursorBatch> {
    const batch = this.collect(batchSize);
    if (batch.docs.length > 0 || this.closed) return batch;
    await this.engine.changes.waitForChange(maxTimeMS && maxTimeMS > 0 ? maxTimeMS : DEFAULT_AWAIT_MS);
    return this.collect(batchSize);
  }

  close(): void {
    this.closed = true;
  }
}
