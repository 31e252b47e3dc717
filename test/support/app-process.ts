import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

import { freePort } from './free-port';

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Output so far (stdout and stderr), for a failure's message. */
  output(): string;
  /** SIGKILL: no shutdown, no flush, as a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM and a clean shutdown. */
  stop(): Promise<void>;
}

/**
 * Runs Kiwanda as deployed, in a process of its own (`node --import tsx server/index.ts`, what
 * `npm start` runs after building), on a free port, and resolves once /healthz answers 200.
 */
export async function startAppProcess({
  env,
  startTimeoutMs = 60_000,
}: {
  env: Record<string, string>;
  startTimeoutMs?: number;
}): Promise<AppProcess> {
  // Chosen here rather than read from the log, which LOG_LEVEL may quieten.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app process exited while starting:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the app process did not become ready:\n${output}`);
    }
    // It listens before the database and the app are ready (503 meanwhile).
    const health = await fetch(`${url}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    if (health === 200) break;
    await sleep(100);
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    child,
    output: () => output,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
