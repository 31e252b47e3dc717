/**
 * What a change does to the server CPU of each kind of planner page, measured so that a busy
 * machine cannot hide it: two Kiwanda trees (this one and BASE_DIR, e.g. the commit before the
 * change) each start their own load server (load-server.ts), and are asked the same load-mix
 * pages in alternation, one page at a time, so both see the same machine conditions. For each
 * kind: each server's CPU time per page (process.cpuUsage around the page), the time its main
 * thread was busy (the event loop's utilization: what limits the pages a process serves), their
 * ratios, and the HTML size. load-page-costs.ts's figures move by ±20% between runs on a shared
 * machine; these pairs move by a few per cent.
 *
 *   git archive <commit> | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/
 *   (cd /tmp/base && npm run build) && npm run build
 *   BASE_DIR=/tmp/base npm run bench:load-pages-paired      # PAGES=<per kind>, default 100
 *
 * The base tree's load server must answer mainThreadMicros too: copy this tree's load-server.ts
 * into it when it predates that.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

import { MIX, pageSequence, type PageKind } from './load-pages';
import type { LoadServerReady } from './load-server';
import { signInDemoPlanner } from './sign-in-demo-planner';

const PAGES = Number(process.env.PAGES ?? 100);
// As bench:load asks (a browser's gzip), so compressing the page counts; ENCODING=identity leaves it out.
const ENCODING = process.env.ENCODING ?? 'gzip';
const BASE_DIR = process.env.BASE_DIR;
if (!BASE_DIR) {
  console.error('BASE_DIR must name the Kiwanda tree to compare against (see the top of this file)');
  process.exit(2);
}
const trees = { base: BASE_DIR, head: process.cwd() };
type Tree = keyof typeof trees;

function start(dir: string) {
  const child = fork(path.join(dir, 'test/bench/load-server.ts'), [], {
    cwd: dir,
    execArgv: ['--import', 'tsx', '--max-semi-space-size=64'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // What a page costs, measured where it is rendered: on the main thread unless PAGE_THREADS says otherwise.
    env: { PAGE_THREADS: '0', ...process.env, NODE_ENV: 'production' },
  });
  const ask = <T>(message: object, type: string) =>
    new Promise<T>((resolve) => {
      const on = (answer: { type: string }) => {
        if (answer.type !== type) return;
        child.off('message', on);
        resolve(answer as T);
      };
      child.on('message', on);
      child.send(message);
    });
  const ready = new Promise<LoadServerReady>((resolve) => child.once('message', (m) => resolve(m as LoadServerReady)));
  return { child, ask, ready };
}

const servers = { base: start(trees.base), head: start(trees.head) };
try {
  const ready = { base: await servers.base.ready, head: await servers.head.ready };
  const cookie = { base: await signInDemoPlanner(ready.base.url), head: await signInDemoPlanner(ready.head.url) };
  for (const s of Object.values(servers)) s.child.send({ type: 'changes', perSecond: 1 });
  const sequences = {
    base: pageSequence({ ready: ready.base, seed: 7 }),
    head: pageSequence({ ready: ready.head, seed: 7 }),
  };
  const byKind = new Map<PageKind, { base: string; head: string }[]>();
  while ([...byKind.values()].filter((pages) => pages.length >= PAGES).length < 6) {
    // Same seed, same kinds and filters; the workshops and plan are each server's own.
    const base = sequences.base();
    const head = sequences.head();
    const pages = byKind.get(base.kind) ?? [];
    if (pages.length < PAGES) pages.push({ base: base.path, head: head.path });
    byKind.set(base.kind, pages);
  }
  const get = async (which: Tree, page: string) => {
    const response = await fetch(`${ready[which].url}${page}`, {
      headers: { Cookie: cookie[which], Accept: 'text/html', 'Accept-Encoding': ENCODING },
      redirect: 'manual',
    });
    const bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`${which} ${page} answered ${response.status}`);
    return bytes;
  };
  const cpu = async (which: Tree) =>
    servers[which].ask<{ micros: number; mainThreadMicros: number }>({ type: 'cpu' }, 'cpu');
  // One pass first, so every kind is measured with its code compiled and its shared results kept.
  for (const pages of byKind.values())
    for (const page of pages.slice(0, 10)) {
      await get('base', page.base);
      await get('head', page.head);
    }
  const rows = [];
  const mix = { base: { cpu: 0, main: 0 }, head: { cpu: 0, main: 0 } };
  for (const [kind, pages] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    const spent = { base: { cpu: 0, main: 0 }, head: { cpu: 0, main: 0 } };
    const bytes = { base: 0, head: 0 };
    // Alternating which goes first, one page at a time; CPU read around each page.
    for (const [index, page] of pages.entries()) {
      const order: Tree[] = index % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
      for (const which of order) {
        const before = await cpu(which);
        bytes[which] += await get(which, page[which]);
        const after = await cpu(which);
        spent[which].cpu += after.micros - before.micros;
        spent[which].main += after.mainThreadMicros - before.mainThreadMicros;
      }
    }
    const share = MIX.find(([name]) => name === kind)?.[1] ?? 0;
    const ms = (which: Tree, of: 'cpu' | 'main') => spent[which][of] / 1_000 / pages.length;
    for (const which of ['base', 'head'] as const)
      for (const of of ['cpu', 'main'] as const) mix[which][of] += share * ms(which, of);
    rows.push({
      pages: kind,
      'base CPU ms/page': +ms('base', 'cpu').toFixed(2),
      'head CPU ms/page': +ms('head', 'cpu').toFixed(2),
      'head/base': +(ms('head', 'cpu') / ms('base', 'cpu')).toFixed(3),
      'base main ms/page': +ms('base', 'main').toFixed(2),
      'head main ms/page': +ms('head', 'main').toFixed(2),
      'main head/base': +(ms('head', 'main') / ms('base', 'main')).toFixed(3),
      'base KiB': +(bytes.base / 1_024 / pages.length).toFixed(1),
      'head KiB': +(bytes.head / 1_024 / pages.length).toFixed(1),
    });
  }
  console.table(rows);
  const change = (of: 'cpu' | 'main') => `${((mix.head[of] / mix.base[of] - 1) * 100).toFixed(1)}%`;
  console.log(
    `load mix, process CPU: base ${mix.base.cpu.toFixed(2)} ms/page, head ${mix.head.cpu.toFixed(2)} ms/page (${change('cpu')})`,
  );
  console.log(
    `load mix, main thread busy: base ${mix.base.main.toFixed(2)} ms/page, head ${mix.head.main.toFixed(2)} ms/page (${change('main')})`,
  );
} finally {
  for (const s of Object.values(servers)) s.child.send({ type: 'close' });
}
