/**
 * The commit as a planner meets it: Kiwanda in its own process (test/bench/planning-server.ts),
 * the planner's browser here. Each run plans open demand over HTTP, then commits the proposal as
 * a browser's form post does, and notes how long until the planner's socket hears plan:committed
 * (the commit is done) and until the answer, the committed plan's page, has arrived. The network is put back after each commit.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

import { io, type Socket } from 'socket.io-client';

import type { ClientToServerEvents, PlanCommitted, ServerToClientEvents } from '#server/domain/events';

import { signInDemoPlanner } from './sign-in-demo-planner';

export interface DeployedCommitSample {
  jobs: number;
  units: number;
  workshops: number;
  /** From sending the commit to its answer, the committed plan's page (as without JavaScript). */
  answerMs: number;
  /** From sending the commit to the planner's socket hearing plan:committed. */
  pushedMs: number;
  /** plan:progress reports of the commit the socket heard. */
  progressReports: number;
}

export async function measureDeployedCommits({ runs }: { runs: number }): Promise<DeployedCommitSample[]> {
  const child = fork(path.resolve('test/bench/planning-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
    env: process.env,
  });
  const reply = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const listener = (message: { type: string } & T) => {
        if (message.type !== type) return;
        child.off('message', listener);
        resolve(message);
      };
      child.on('message', listener);
    });
  const { url } = await reply<{ url: string }>('ready');
  const cookie = await signInDemoPlanner(url);
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ['websocket'],
    extraHeaders: { Cookie: cookie },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const form = (intent: string) => ({
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: url },
    body: new URLSearchParams({ intent }),
    redirect: 'manual' as const,
  });

  const samples: DeployedCommitSample[] = [];
  try {
    // One untimed run first, as a long-running server would have warmed up.
    for (let run = 0; run <= runs; run += 1) {
      const planned = await fetch(`${url}/planning`, form('plan'));
      const planId = /\/planning\/([0-9a-f]{24})/.exec(planned.headers.get('location') ?? '')?.[1];
      if (!planId) throw new Error(`planning answered ${planned.status} without a proposal`);
      child.send({ type: 'note' });
      await reply('noted');

      let progressReports = 0;
      const onProgress = (event: { planId: string; phase: string }) => {
        if (event.planId === planId && event.phase === 'committing') progressReports += 1;
      };
      socket.on('plan:progress', onProgress);
      const started = performance.now();
      const pushed = new Promise<{ ms: number; figures: PlanCommitted }>((resolve) =>
        socket.once('plan:committed', (figures) => resolve({ ms: performance.now() - started, figures })),
      );
      // The form post a browser makes; the answer is the committed plan's page.
      const answer = await fetch(`${url}/planning/${planId}`, form('commit'));
      const page = await answer.text();
      const answerMs = performance.now() - started;
      if (answer.status !== 200 || !page.includes('data-status="committed"'))
        throw new Error(`the commit answered ${answer.status} without the committed plan`);
      const { ms: pushedMs, figures } = await pushed;
      socket.off('plan:progress', onProgress);
      const { jobs, units, workshops } = figures;
      if (run > 0) samples.push({ jobs, units, workshops, answerMs, pushedMs, progressReports });

      child.send({ type: 'undo', planId });
      await reply('undone');
    }
  } finally {
    socket.disconnect();
    child.send({ type: 'close' });
  }
  return samples;
}
