import { MongoServerError } from 'mongodb';
import { expect } from 'vitest';

/**
 * Awaits an operation that must be refused by the server and returns the server's error, so the
 * test can assert on `code`, `codeName`, `errorLabels`, `keyValue`... Fails the test if the
 * operation succeeds or fails on the client side instead.
 */
export async function catchServerError(operation: Promise<unknown>): Promise<MongoServerError> {
  let outcome: unknown;
  try {
    outcome = await operation;
  } catch (error) {
    expect(error, `expected a MongoServerError, got ${String(error)}`).toBeInstanceOf(MongoServerError);
    return error as MongoServerError;
  }
  throw new Error(`expected the server to refuse the operation, but it succeeded with ${JSON.stringify(outcome)}`);
}
