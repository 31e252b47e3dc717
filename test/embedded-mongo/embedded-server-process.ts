import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY_LINE = /^ready (mongodb:\/\/\S+)/m;
const CREDENTIALS_LINE = /^credentials (\S+)/m;

/**
 * The printed address names the user but leaves the password in the owner-only credentials file, as a
 * client of `npm run mongo:embedded` on TCP must read it from there.
 */
function uriWithPassword({ uri, output }: { uri: string; output: string }): string {
  const file = CREDENTIALS_LINE.exec(output)?.[1];
  if (!file) return uri;
  const { password } = JSON.parse(readFileSync(file, 'utf8')) as { password: string };
  return uri.replace(
    /^mongodb:\/\/([^@/]+)@/,
    (_, user: string) => `mongodb://${user}:${encodeURIComponent(password)}@`,
  );
}

export interface EmbeddedServerProcess {
  uri: string;
  pid: number;
  /** SIGKILL to the whole process group (npm, tsx and node): no chance to flush or clean up. */
  kill(): Promise<void>;
  /** SIGTERM, waiting for a clean exit. */
  stop(): Promise<void>;
}

/**
 * Runs `npm run mongo:embedded -- --port 0 --dbpath <dir>` in its own process group and resolves
 * once it prints `ready mongodb://…`, i.e. accepts connections.
 */
export function startEmbeddedServerProcess({
  dbPath,
  timeoutMs = 20_000,
}: {
  dbPath: string;
  timeoutMs?: number;
}): Promise<EmbeddedServerProcess> {
  const child = spawn('npm', ['run', '--silent', 'mongo:embedded', '--', '--port', '0', '--dbpath', dbPath], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signalGroup({ child, signal: 'SIGKILL' });
      reject(new Error(`embedded server did not print "ready mongodb://…" within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = READY_LINE.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      child.stdout?.off('data', onOutput);
      resolve({
        uri: uriWithPassword({ uri: ready[1], output }),
        pid: child.pid ?? -1,
        kill: () => endGroup({ child, signal: 'SIGKILL' }),
        stop: () => endGroup({ child, signal: 'SIGTERM' }),
      });
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`embedded server exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

function signalGroup({ child, signal }: { child: ChildProcess; signal: NodeJS.Signals }): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function endGroup({ child, signal }: { child: ChildProcess; signal: NodeJS.Signals }): Promise<void> {
  signalGroup({ child, signal });
  // npm may exit before the server it started: wait for the whole group, not just the direct child.
  const deadline = Date.now() + 10_000;
  while (groupIsAlive({ child }) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (groupIsAlive({ child })) signalGroup({ child, signal: 'SIGKILL' });
}

/** True while any process of the group is still running (zombies, which may never be reaped here, do not count). */
function groupIsAlive({ child }: { child: ChildProcess }): boolean {
  if (child.pid === undefined) return false;
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state, ppid, pgrp, ...
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === child.pid && state !== 'Z') return true;
    } catch {
      // The process ended while we were looking.
    }
  }
  return false;
}

/** Files under the data directory (at any depth) whose name matches `pattern`, sorted by path. */
export function findFiles({ dbPath, pattern }: { dbPath: string; pattern: RegExp }): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (pattern.test(name)) found.push(path);
    }
  };
  visit(dbPath);
  return found.sort();
}

/** The newest journal file (`journal-<generation>.kwj`) of every journal directory under the data directory. */
export function findActiveJournalFiles({ dbPath }: { dbPath: string }): string[] {
  const newestPerDirectory = new Map<string, string>();
  for (const path of findFiles({ dbPath, pattern: /^journal-\d+\.kwj$/ })) newestPerDirectory.set(dirname(path), path);
  return [...newestPerDirectory.values()];
}
