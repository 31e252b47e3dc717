/**
 * What each kind of planner page costs the server, to find where the load benchmark's time goes:
 * the same server as `npm run bench:load` (load-server.ts, in its own process, job changes at one
 * a second so the shared read models drop as they do under load), asked the load mix's pages one
 * at a time, kind by kind. For each kind: the server process's CPU time per page (its own and its
 * embedded database's, read with process.cpuUsage before and after the kind's pages), the wall
 * time per page, and the size of the page's HTML.
 *
 * Run with `npm run bench:load-pages` (PAGES=<per kind>, default 60; LOAD_PROFILE_DIR=<dir> writes a
 * CPU profile per kind, named in the order the kinds are listed). Sequential requests on an
 * otherwise idle server, so CPU per page is what one page costs; at RATE pages a second the server
 * needs RATE × that of its cores.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

import { MIX, pageSequence, type PageKind } from './load-pages';
import type { LoadServerReady } from './load-server';
import { signInDemoPlanner } from './sign-in-demo-planner';

const PAGES = Number(process.env.PAGES ?? 60);

const server = fork(path.resolve('test/bench/load-server.ts'), [], {
  execArgv: ['--import', 'tsx', '--max-semi-space-size=64'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  // What a page costs, measured where it is rendered: on the main thread unless PAGE_THREADS says otherwise.
  env: { PAGE_THREADS: '0', ...process.env, NODE_ENV: 'production' },
});

function ask<T>(message: object, type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (answer: { type: string }) => {
      if (answer.type !== type) return;
      server.off('message', onMessage);
      resolve(answer as T);
    };
    server.on('message', onMessage);
    server.send(message);
  });
}

const cpuMicros = async () => (await ask<{ micros: number }>({ type: 'cpu' }, 'cpu')).micros;

try {
  const ready = await new Promise<LoadServerReady>((resolve) => {
    server.once('message', (message) => resolve(message as LoadServerReady));
  });
  const cookie = await signInDemoPlanner(ready.url);
  server.send({ type: 'changes', perSecond: 1 });

  // The load mix's own pages, gathered by kind.
  const next = pageSequence({ ready, seed: 7 });
  const byKind = new Map<PageKind, string[]>();
  while ([...byKind.values()].filter((paths) => paths.length >= PAGES).length < 6) {
    const { kind, path: page } = next();
    const paths = byKind.get(kind) ?? [];
    if (paths.length < PAGES) paths.push(page);
    byKind.set(kind, paths);
  }

  const ask1 = async (page: string) => {
    const response = await fetch(`${ready.url}${page}`, {
      headers: { Cookie: cookie, Accept: 'text/html', 'Accept-Encoding': 'identity' },
      redirect: 'manual',
    });
    const bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
    return bytes;
  };
  // One pass first, so every kind is measured with its code compiled and its shared results kept.
  for (const paths of byKind.values()) for (const page of paths.slice(0, 10)) await ask1(page);

  const rows = [];
  let mixCpuMs = 0;
  for (const [kind, paths] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    // With LOAD_PROFILE_DIR set, each kind's pages are recorded as their own CPU profile there.
    await ask({ type: 'profile', action: 'start' }, 'profiled');
    const cpuBefore = await cpuMicros();
    const started = performance.now();
    let bytes = 0;
    for (const page of paths) bytes += await ask1(page);
    const wallMs = performance.now() - started;
    const cpuMs = (await cpuMicros()) - cpuBefore;
    await ask({ type: 'profile', action: 'stop' }, 'profiled');
    mixCpuMs += ((MIX.find(([name]) => name === kind)?.[1] ?? 0) * cpuMs) / 1_000 / paths.length;
    rows.push({
      pages: kind,
      n: paths.length,
      'server CPU ms/page': +(cpuMs / 1_000 / paths.length).toFixed(1),
      'wall ms/page': +(wallMs / paths.length).toFixed(1),
      'HTML KiB/page': +(bytes / 1_024 / paths.length).toFixed(1),
    });
  }
  console.table(rows);
  console.log(
    `server CPU per page of the load mix: ${mixCpuMs.toFixed(1)} ms, so ${Math.round(1_000 / mixCpuMs)} pages/s per core`,
  );
} finally {
  server.send({ type: 'close' });
}
