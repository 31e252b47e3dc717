import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

import { usingRealMongo } from './conformance-target';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Both processes give up on a clean stop after 5 s; this leaves room for a loaded machine on top. */
const DEADLINE_MS = 5_000;
const GRACE_MS = 4_000;

/** Processes of the group still running (zombies waiting to be reaped do not count). */
function livingGroupMembers(pgid: number): number[] {
  const living: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') living.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return living;
}

async function groupEnds(pgid: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (livingGroupMembers(pgid).length === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return livingGroupMembers(pgid).length === 0;
}

/**
 * A supervisor that crashed, or a log pipe somebody closed, must not make a process immortal: once the
 * reader of its output is gone, SIGTERM to the process the supervisor started (npm) still ends all of it.
 */
describe.skipIf(usingRealMongo || !existsSync('/proc/self/stat'))('SIGTERM with the output pipe closed', () => {
  const started: ChildProcess[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const child of started.splice(0)) {
      if (child.pid !== undefined && livingGroupMembers(child.pid).length > 0) process.kill(-child.pid, 'SIGKILL');
    }
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** Starts an npm script in its own process group and resolves once its output matches `ready`. */
  function startScript({ args, env, ready }: { args: string[]; env?: NodeJS.ProcessEnv; ready: RegExp }) {
    const child = spawn('npm', ['run', '--silent', ...args], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    started.push(child);
    let output = '';
    return new Promise<ChildProcess>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready in time:\n${output}`)), 60_000);
      const onOutput = (chunk: Buffer) => {
        output += chunk.toString();
        if (!ready.test(output)) return;
        clearTimeout(timer);
        resolve(child);
      };
      child.stdout!.on('data', onOutput);
      child.stderr!.on('data', onOutput);
      child.once('exit', (code) => reject(new Error(`exited (${code}) before it was ready:\n${output}`)));
    });
  }

  async function closeOutputThenTerminate(child: ChildProcess): Promise<void> {
    child.removeAllListeners('exit');
    // The reading end goes away: every later write of the process meets a broken pipe.
    child.stdout!.destroy();
    child.stderr!.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(child.pid!, 'SIGTERM');
  }

  it('npm run mongo:embedded ends, all its processes', { timeout: 60_000 }, async () => {
    const dbPath = mkdtempSync(join(tmpdir(), 'kiwanda-sigterm-db-'));
    dirs.push(dbPath);
    const child = await startScript({
      args: ['mongo:embedded', '--', '--port', '0', '--dbpath', dbPath, '--log-level', 'debug'],
      ready: /^ready mongodb:\/\//m,
    });
    await closeOutputThenTerminate(child);
    expect(await groupEnds(child.pid!, DEADLINE_MS + GRACE_MS)).toBe(true);
  });

  it('npm start (the app with its embedded database) ends, all its processes', { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiwanda-sigterm-app-'));
    dirs.push(dataDir);
    const child = await startScript({
      args: ['start'],
      env: {
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        // Debug lines during shutdown are what a broken asynchronous log destination gets stuck on.
        LOG_LEVEL: 'debug',
        MONGODB_URI: '',
        REPLAN_DEBOUNCE_MS: '0',
        WEBHOOK_POLL_MS: '0',
      },
      ready: /kiwanda listening/,
    });
    await closeOutputThenTerminate(child);
    expect(await groupEnds(child.pid!, DEADLINE_MS + GRACE_MS)).toBe(true);
  });
});
