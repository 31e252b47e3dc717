import express from 'express';
import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { answerApiError } from '../api/answer-api-error';
import { DatabaseBusyError } from '../domain/errors';
import { createLogger } from '../logger';
import { busyOrAsIs } from './run-in-transaction';

describe('a transaction the database could not finish', () => {
  it('becomes a DatabaseBusyError; other errors pass as they are', () => {
    const transient = new MongoServerError({ errmsg: 'Transaction 1 has been aborted.', code: 251 });
    transient.addErrorLabel('TransientTransactionError');
    expect(busyOrAsIs(transient)).toBeInstanceOf(DatabaseBusyError);
    const duplicate = new MongoServerError({ errmsg: 'E11000 duplicate key', code: 11000 });
    expect(busyOrAsIs(duplicate)).toBe(duplicate);
  });

  it('is answered 503 with Retry-After by the API, not 500', async () => {
    const app = express();
    app.get('/busy', () => {
      throw busyOrAsIs(Object.assign(new Error('aborted'), { hasErrorLabel: () => true }));
    });
    app.use(answerApiError(createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' })));
    const server = app.listen(0);
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/busy`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(((await response.json()) as { error: string }).error).toMatch(/nothing was saved, try again/);
    } finally {
      server.close();
    }
  });
});
