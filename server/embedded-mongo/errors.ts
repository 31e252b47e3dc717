import { type Document } from 'bson';

/** The MongoDB error codes this server answers with, by their official names. */
export const ErrorCode = {
  InternalError: 1,
  BadValue: 2,
  NoSuchKey: 4,
  FailedToParse: 9,
  Overflow: 15,
  TypeMismatch: 14,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  MaxTimeMSExpired: 50,
  WriteConcernFailed: 64,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  CommandNotFound: 59,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  IndexAlreadyExists: 68,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  NotImplemented: 238,
  WriteConflict: 112,
  CommandNotSupported: 115,
  Unauthorized: 13,
  AuthenticationFailed: 18,
  MechanismUnavailable: 334,
  InvalidIndexSpecificationOption: 197,
  CannotIndexParallelArrays: 171,
  NoSuchTransaction: 251,
  TransactionCommitted: 256,
  TransactionTooOld: 225,
  TransactionTooLarge: 257,
  OperationNotSupportedInTransaction: 263,
  ChangeStreamHistoryLost: 286,
  ChangeStreamFatalError: 280,
  InvalidBSON: 22,
  ProtocolError: 17,
  DuplicateKey: 11000,
  Location40324: 40324,
  Location40415: 40415,
} as const;

const codeNames = new Map<number, string>(Object.entries(ErrorCode).map(([name, code]) => [code, name]));

export function codeNameOf(code: number): string {
  return codeNames.get(code) ?? 'UnknownError';
}

/** An error that reaches the client as `{ ok: 0, errmsg, code, codeName }` (plus labels and extra fields). */
export class MongoCommandError extends Error {
  readonly code: number;
  readonly codeName: string;
  readonly errorLabels: string[];
  readonly extra: Document;

  constructor(code: number, message: string, options: { labels?: string[]; extra?: Document } = {}) {
    super(message);
    this.name = 'MongoCommandError';
    this.code = code;
    this.codeName = codeNameOf(code);
    this.errorLabels = options.labels ?? [];
    this.extra = options.extra ?? {};
  }

  toReply(): Document {
    const reply: Document = { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
    if (this.errorLabels.length > 0) reply.errorLabels = this.errorLabels;
    return reply;
  }

  /** The shape of one entry of a write command's `writeErrors`. */
  toWriteError(index: number): Document {
    return { index, code: this.code, errmsg: this.message, ...this.extra };
  }
}

export function badValue(message: string): MongoCommandError {
  return new MongoCommandError(ErrorCode.BadValue, message);
}

export function typeMismatch(message: string): MongoCommandError {
  return new MongoCommandError(ErrorCode.TypeMismatch, message);
}

export function writeConflict(
  message = 'Write conflict during plan execution and yielding is disabled.',
): MongoCommandError {
  return new MongoCommandError(ErrorCode.WriteConflict, message, { labels: ['TransientTransactionError'] });
}

/** Turns anything thrown while running a command into a client-facing error; unknown errors become InternalError. */
export function toCommandError(error: unknown): MongoCommandError {
  if (error instanceof MongoCommandError) return error;
  if (error instanceof Error && error.name === 'DecimalArithmeticError')
    return new MongoCommandError(ErrorCode.NotImplemented, error.message);
  const message = error instanceof Error ? error.message : String(error);
  // mingo reports bad query/aggregation input with plain errors; they are the caller's mistake, not ours.
  if (error instanceof Error && (error.name === 'MingoError' || error.constructor?.name === 'MingoError')) {
    return new MongoCommandError(ErrorCode.BadValue, message);
  }
  return new MongoCommandError(ErrorCode.InternalError, message);
}
