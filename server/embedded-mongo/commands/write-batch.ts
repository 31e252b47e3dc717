import { type Document } from 'bson';

import { toCommandError } from '../errors';

export interface WriteBatchResult {
  writeErrors: Document[];
}

/**
 * Runs the statements of a write command in order. Ordered batches stop at the first error; unordered ones
 * carry on. Statement errors become `writeErrors` entries with their statement index, as MongoDB reports them.
 */
export function runWriteBatch<T>(
  statements: T[],
  ordered: boolean,
  run: (statement: T, index: number) => void,
): WriteBatchResult {
  const writeErrors: Document[] = [];
  for (let index = 0; index < statements.length; index++) {
    try {
      run(statements[index], index);
    } catch (error) {
      const commandError = toCommandError(error);
      // Transient errors (write conflicts) fail the whole command so drivers can retry the transaction.
      if (commandError.errorLabels.length > 0) throw commandError;
      writeErrors.push(commandError.toWriteError(index));
      if (ordered) break;
    }
  }
  return { writeErrors };
}

/** The reply shape of insert/update/delete: writeErrors only when there were some. */
export function writeReply(fields: Document, { writeErrors }: WriteBatchResult): Document {
  return writeErrors.length > 0 ? { ...fields, writeErrors, ok: 1 } : { ...fields, ok: 1 };
}
