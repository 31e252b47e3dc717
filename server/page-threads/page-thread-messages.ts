import { type RequestClient } from '../app-context';
import { type Config } from '../config';
import { type DomainEventName } from '../domain/events';
import { type RunningPlan } from '../planning/plan-run-registry';

/** What a page thread is started with. */
export interface PageThreadData {
  config: Config;
  /** The resolved session secret and cookie setting, so the thread reads the same cookies. */
  session: { secret: string; secure: boolean };
  /** Where the main thread's database answers (the embedded server's private socket, or MONGODB_URI). */
  database: { uri: string; embedded: boolean };
  /** Names the thread in its log lines. */
  name: string;
}

/** A domain event crossing between threads, as the publishing thread's bus saw it. */
export interface ThreadEvent {
  type: 'event';
  name: DomainEventName;
  payload: unknown;
  duringPlanCommit: boolean;
}

/** From the main thread to a page thread. */
export type ToPageThread =
  | {
      type: 'request';
      id: number;
      method: 'GET' | 'HEAD';
      url: string;
      headers: [string, string][];
      client: RequestClient;
    }
  /** The client went away before the answer was written: loaders stop. */
  | { type: 'abort'; id: number }
  /** The main thread has written `bytes` more of the answer to its client (flow control). */
  | { type: 'written'; id: number; bytes: number }
  | ThreadEvent
  | { type: 'plan-run'; call: number; run: RunningPlan | null }
  /** How much the thread's heap holds (after a full collection where the process allows one). */
  | { type: 'heap'; call: number }
  | { type: 'stop' };

/** From a page thread to the main thread. */
export type FromPageThread =
  | { type: 'ready' }
  | { type: 'start-failed'; message: string }
  | { type: 'head'; id: number; status: number; statusText: string; headers: [string, string][] }
  | { type: 'chunk'; id: number; bytes: Uint8Array }
  | { type: 'end'; id: number }
  | { type: 'failed'; id: number; message: string; stack?: string }
  | ThreadEvent
  /** The thread asks which plan run is under way (the main thread's registry knows). */
  | { type: 'current-plan-run'; call: number }
  | { type: 'heap'; call: number; usedBytes: number }
  /** One line of the thread's JSON log, for the main thread's logger to write. */
  | { type: 'log'; line: string }
  | { type: 'stopped' };
