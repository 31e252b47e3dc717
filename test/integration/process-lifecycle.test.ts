import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { testDatabaseUri } from '../support/test-database';

interface Exit {
  code: number | null;
  output: string;
}

/** Runs `server/index.ts` as its own process, the way `npm start` does after building. */
function startServerProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code) => resolve({ code, output })));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      const url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
  return { child, exited, listening };
}

describe('the server process', () => {
  it('refuses to boot on a wrong setting, naming the variable', async () => {
    const { exited, listening } = startServerProcess({ PORT: 'eighty' });
    // It never listens: its "did not start" timer must not fail the run later.
    listening.catch(() => {});
    const { code, output } = await exited;
    expect(code).toBe(1);
    expect(output).toContain('PORT:');
    expect(output).not.toContain('kiwanda listening');
  });

  it('shuts down cleanly on SIGTERM within 5 seconds, with a socket still open', async () => {
    const { child, exited, listening } = startServerProcess({
      MONGODB_URI: testDatabaseUri(),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kiwanda-lifecycle-')),
      SESSION_SECRET: 'kiwanda-test-session-secret-0123456789',
    });
    const url = await listening;
    // It listens before the database and the app are ready (503 meanwhile): wait for ready.
    let health = await fetch(`${url}/healthz`);
    while (health.status === 503) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      health = await fetch(`${url}/healthz`);
    }
    expect(health.status).toBe(200);
    // A keep-alive connection left open must not hold the process up.
    await fetch(`${url}/healthz`, { headers: { connection: 'keep-alive' } });

    const signalledAt = Date.now();
    child.kill('SIGTERM');
    const { code, output } = await exited;
    expect(code).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    expect(output).toContain('kiwanda stopped');
  }, 60_000);
});
