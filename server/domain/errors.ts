/**
 * The errors services throw on purpose. Their messages are written for people and are safe to
 * show to clients; anything else is a bug and stays in the log.
 */
export class DomainError extends Error {
  override name = 'DomainError';
  /** HTTP status a route answers with when this error reaches it. */
  readonly status: number = 409;
}

export interface FieldIssue {
  field: string;
  message: string;
}

/** Input that does not fit: names the field (as a dotted path, e.g. `lines.1.quantity`). */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  override readonly status = 400;
  readonly field: string;
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${first.field}: ${first.message}${more}`);
    this.field = first.field;
    this.issues = issues;
  }

  static forField(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  override readonly status = 404;
  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`);
  }
}

/** Sign-in refused: the e-mail and password do not match an active account (which one is not said). */
export class AuthenticationError extends DomainError {
  override name = 'AuthenticationError';
  override readonly status = 401;
}

/** Too many attempts (sign-in failures): the client may try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends DomainError {
  override name = 'TooManyRequestsError';
  override readonly status = 429;
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * The database could not finish the work in time: its transaction kept meeting other writes, or
 * outlived the database's limit. Nothing was written; the client may try again shortly.
 */
export class DatabaseBusyError extends DomainError {
  override name = 'DatabaseBusyError';
  override readonly status = 503;
  readonly retryAfterSeconds = 5;
}

/** An actor asked for something their role or link does not allow. */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  override readonly status = 403;
}

export class IllegalTransitionError extends DomainError {
  override name = 'IllegalTransitionError';
  readonly from: string;
  readonly to: string;

  constructor({
    entity,
    id,
    from,
    to,
    reason,
  }: {
    entity: string;
    id: string;
    from: string;
    to: string;
    reason?: string;
  }) {
    super(`${entity} ${id} cannot go from ${from} to ${to}${reason ? `: ${reason}` : ''}`);
    this.from = from;
    this.to = to;
  }
}
