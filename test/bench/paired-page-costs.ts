/**
 * What a change does to the server CPU of each kind of planner page, measured so that a busy
 * machine cannot hide it: two Kiwanda trees (this one and BASE_DIR, e.g. the commit before the
 * change) each start their own load server (load-server.ts), and are asked the same load-mix
 * pages in alternation, one page at a time, so both see the same machine conditions. For each
 * kind: each server's CPU time per page (process.cpuUsage around the page), their ratio, and the
 * HTML size. load-page-costs.ts's figures move by ±20% between runs on a shared machine; these
 * pairs move by a few per cent.
 *
 *   git archive <commit> | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/
 *   (cd /tmp/base && npm run build) && npm run build
 *   BASE_DIR=/tmp/base npm run bench:load-pages-paired      # PAGES=<per kind>, default 100
 */
import { fork } from 'node:child_process';
import path from 'node:path';

import { MIX, pageSequence, type PageKind } from './load-pages';
import type { LoadServerReady } from './load-server';
import { signInDemoPlanner } from './sign-in-demo-planner';

const PAGES = Number(process.env.PAGES ?? 100);
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
    env: { ...process.env, NODE_ENV: 'production' },
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
      headers: { Cookie: cookie[which], Accept: 'text/html', 'Accept-Encoding': 'identity' },
      redirect: 'manual',
    });
    const bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`${which} ${page} answered ${response.status}`);
    return bytes;
  };
  const cpu = async (which: Tree) => (await servers[which].ask<{ micros: number }>({ type: 'cpu' }, 'cpu')).micros;
  // One pass first, so every kind is measured with its code compiled and its shared results kept.
  for (const pages of byKind.values())
    for (const page of pages.slice(0, 10)) {
      await get('base', page.base);
      await get('head', page.head);
    }
  const rows = [];
  const mix = { base: 0, head: 0 };
  for (const [kind, pages] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    const spent = { base: 0, head: 0 };
    const bytes = { base: 0, head: 0 };
    // Alternating which goes first, one page at a time; CPU read around each page.
    for (const [index, page] of pages.entries()) {
      const order: Tree[] = index % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
      for (const which of order) {
        const before = await cpu(which);
        bytes[which] += await get(which, page[which]);
        spent[which] += (await cpu(which)) - before;
      }
    }
    const share = MIX.find(([name]) => name === kind)?.[1] ?? 0;
    const ms = (which: Tree) => spent[which] / 1_000 / pages.length;
    mix.base += share * ms('base');
    mix.head += share * ms('head');
    rows.push({
      pages: kind,
      'base CPU ms/page': +ms('base').toFixed(2),
      'head CPU ms/page': +ms('head').toFixed(2),
      'head/base': +(ms('head') / ms('base')).toFixed(3),
      'base KiB': +(bytes.base / 1_024 / pages.length).toFixed(1),
      'head KiB': +(bytes.head / 1_024 / pages.length).toFixed(1),
    });
  }
  console.table(rows);
  console.log(
    `load mix: base ${mix.base.toFixed(2)} ms/page, head ${mix.head.toFixed(2)} ms/page (${((mix.head / mix.base - 1) * 100).toFixed(1)}%)`,
  );
} finally {
  for (const s of Object.values(servers)) s.child.send({ type: 'close' });
}
