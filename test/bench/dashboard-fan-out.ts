/**
 * The fan-out half of the dashboard benchmark: job status changes, made through the service,
 * timed until every one of many signed-in planner sockets (held by a child process) has heard.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

import { type Actor } from '#server/domain/actor';
import { domainEvents } from '#server/domain-events';
import { Job } from '#server/models/index';
import { transitionJob } from '#server/services/jobs/transition-job';

const now = () => performance.timeOrigin + performance.now();

export interface FanOutSamples {
  /** Per change: from the service call until the last socket heard. */
  fromCall: number[];
  /** Per change: from the event's publication until the last socket heard. */
  fromPublish: number[];
  /** Every delivery to every socket, from the service call. */
  each: number[];
  connectMs: number;
}

/** `changes` job status changes against `clients` planner sockets in a child process. */
export async function measureFanOut({
  url,
  cookie,
  clients,
  changes,
  actor,
}: {
  url: string;
  cookie: string;
  clients: number;
  changes: number;
  actor: Actor;
}): Promise<FanOutSamples> {
  const child = fork(path.resolve('test/bench/dashboard-socket-clients.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const reply = <T>(type: string) =>
    new Promise<T>((resolve) =>
      child.once('message', (message: { type: string } & T) => message.type === type && resolve(message)),
    );
  child.send({ type: 'connect', url, cookie, clients });
  const connected = await reply<{ ms: number; clients: number }>('connected');
  if (connected.clients !== clients) throw new Error(`only ${connected.clients} of ${clients} sockets connected`);

  const publishedAt = new Map<string, number>();
  const stop = domainEvents.subscribe('job:status', (event) => publishedAt.set(event.jobId, now()));
  const jobs = await Job.find({ status: 'accepted' }, { _id: 1 })
    .limit(changes + 3)
    .lean();
  const fromCall: number[] = [];
  const fromPublish: number[] = [];
  const each: number[] = [];
  for (const [index, job] of jobs.entries()) {
    const jobId = String(job._id);
    const started = now();
    await transitionJob({ actor, jobId, to: 'in_progress' });
    await new Promise((resolve) => setTimeout(resolve, 250));
    child.send({ type: 'report', jobId });
    const { receivedAt } = await reply<{ receivedAt: number[] }>('report');
    if (receivedAt.length !== clients)
      throw new Error(`change ${index}: ${receivedAt.length} of ${clients} sockets heard it`);
    // The first three changes warm up the path and are not counted.
    if (index < 3) continue;
    const last = Math.max(...receivedAt);
    fromCall.push(last - started);
    fromPublish.push(last - (publishedAt.get(jobId) ?? started));
    each.push(...receivedAt.map((at) => at - started));
  }
  stop();
  child.send({ type: 'close' });
  return { fromCall, fromPublish, each, connectMs: connected.ms };
}
