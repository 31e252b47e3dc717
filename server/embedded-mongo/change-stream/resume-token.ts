import { type Document } from 'bson';

import { isPlainObject } from '../bson/values';
import { ErrorCode, MongoCommandError } from '../errors';

export interface ResumePoint {
  seq: number;
  /** True for the token of an invalidate event (only startAfter may resume from one). */
  invalidate: boolean;
}

/** Resume tokens are `{ _data: <hex> }`: 16 hex digits of the change sequence number and a 2-digit kind. */
export function encodeResumeToken(seq: number, invalidate = false): Document {
  return { _data: `${seq.toString(16).padStart(16, '0')}${invalidate ? '01' : '00'}` };
}

export function decodeResumeToken(token: unknown): ResumePoint {
  const data = isPlainObject(token) ? token._data : undefined;
  if (typeof data !== 'string' || !/^[0-9a-f]{18}$/i.test(data)) {
    throw new MongoCommandError(
      ErrorCode.ChangeStreamFatalError,
      `resume token ${JSON.stringify(token)} was not issued by this server`,
    );
  }
  return { seq: Number.parseInt(data.slice(0, 16), 16), invalidate: data.slice(16) === '01' };
}

export function changeHistoryLost(): MongoCommandError {
  return new MongoCommandError(
    ErrorCode.ChangeStreamHistoryLost,
    'Resume of change stream was not possible, as the resume point may no longer be in the oplog.',
  );
}
