import { Writable } from 'node:stream';

import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { startKiwandaServer, type RunningKiwanda } from '#server/kiwanda-server';

import { testConfig } from '../support/app-context';
import { signIn } from '../support/sign-in';

/**
 * A missing page, a page the role may not open and a filter typed wrong are ordinary answers:
 * the log notes the request and nothing more (no error level, no stack trace), so real errors
 * stand out in it.
 */
describe('the log of ordinary refusals', () => {
  let server: RunningKiwanda;
  const lines: { level: number; msg?: string; [key: string]: unknown }[] = [];
  const consoleError = vi.spyOn(console, 'error');

  beforeAll(async () => {
    const config = testConfig({ LOG_LEVEL: 'info' });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    server = await startKiwandaServer({ config, logger: pino({ level: 'info' }, sink) });
  });
  afterAll(async () => {
    await server?.close();
    consoleError.mockRestore();
  });

  it('logs a 404, a 403 and a refused filter as requests, without an error or a stack trace', async () => {
    const { cookie } = await signIn({ baseUrl: server.url, role: 'planner' });
    const answers = await Promise.all(
      ['/no/such/page', '/admin/wages', '/orders?page=abc', '/orders/0123456789abcdef01234567'].map(async (path) => {
        const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
        await response.text();
        return response.status;
      }),
    );
    expect(answers).toEqual([404, 403, 200, 404]);
    const requestLines = lines.filter((line) => typeof line.req === 'object');
    expect(requestLines.length).toBeGreaterThanOrEqual(4);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(JSON.stringify(lines)).not.toMatch(/\n\s+at |"stack"/);
    expect(consoleError).not.toHaveBeenCalled();
  });
});
