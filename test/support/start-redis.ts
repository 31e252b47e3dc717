import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

import { createClient } from 'redis';

import { freePort } from './free-port';

/** Debian's redis-server, installed by .ci/run where missing. */
export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? 'redis-server';

export interface TestRedis {
  url: string;
  port: number;
  /** Stops it (SIGKILL when `abruptly`, as a crash would); `start` brings it back on the same port. */
  stop(options?: { abruptly?: boolean }): Promise<void>;
  start(): Promise<void>;
}

/** Answers once Redis on `url` says PONG. */
async function waitForPong(url: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const client = createClient({ url, socket: { reconnectStrategy: false } });
    client.on('error', () => {});
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch (error) {
      if (attempt >= 100) throw new Error(`redis on ${url} did not answer: ${(error as Error).message}`);
    } finally {
      if (client.isOpen) client.destroy();
    }
    await sleep(50);
  }
}

/** A Redis of the test's own on a free local port, keeping nothing on disk. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    const started = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    child = started;
    await Promise.race([waitForPong(url), new Promise((_, reject) => started.once('error', reject))]);
  };
  await start();
  return {
    url,
    port,
    start,
    async stop({ abruptly = false } = {}) {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill(abruptly ? 'SIGKILL' : 'SIGTERM');
      await exited;
    },
  };
}
