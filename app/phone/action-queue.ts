import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The phone's queue of actions waiting to be sent, kept in IndexedDB so that it outlives a
 * reload, a closed tab or a phone restart. Every phone action goes through it, online or not:
 * one path, and actions always reach the server in the order they were taken (progress before
 * "ready"). An action leaves the queue only on a definite answer from the server.
 */
export interface QueuedAction {
  /** Order of arrival in the queue (IndexedDB's key generator). */
  seq?: number;
  /** The phone-made id the server applies once (app/phone/action-id.ts). */
  actionId: string;
  kind: string;
  jobId: string;
  /** The page the action was taken on, to come back to its answer. */
  page: string;
  /** The form's fields as posted; a photo stays a Blob (IndexedDB keeps Blobs, not FormData). */
  fields: [string, string | Blob][];
  queuedAt: string;
}

interface QueueSchema extends DBSchema {
  actions: { key: number; value: QueuedAction };
}

const DATABASE = 'kiwanda-phone';
const VERSION = 1;

let opened: Promise<IDBPDatabase<QueueSchema>> | undefined;

function database(): Promise<IDBPDatabase<QueueSchema>> {
  opened ??= openDB<QueueSchema>(DATABASE, VERSION, {
    upgrade(db) {
      db.createObjectStore('actions', { keyPath: 'seq', autoIncrement: true });
    },
  });
  return opened;
}

/** A submitted form as a queued action: the fields as they are now, files as Blobs. */
export function queuedActionOf(form: FormData, page: string): QueuedAction {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    actionId: text('actionId'),
    kind: text('kind'),
    jobId: text('jobId'),
    page,
    fields: [...form.entries()].map(([name, value]) => [name, value]),
    queuedAt: new Date().toISOString(),
  };
}

export async function enqueueAction(action: QueuedAction): Promise<void> {
  await (await database()).add('actions', action);
}

/** Every waiting action, oldest first. */
export async function waitingActions(): Promise<QueuedAction[]> {
  return (await database()).getAll('actions');
}

export async function countWaitingActions(): Promise<number> {
  return (await database()).count('actions');
}

export async function removeAction(seq: number): Promise<void> {
  await (await database()).delete('actions', seq);
}

/** The queued action's fields as the form the server reads. */
export function formOf(action: QueuedAction): FormData {
  const form = new FormData();
  for (const [name, value] of action.fields) form.append(name, value);
  return form;
}
