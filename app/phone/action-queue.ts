import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The phone's queue of actions waiting to be sent, kept in IndexedDB so that it outlives a
 * reload, a closed tab, a phone restart or signing out. Every phone action goes through it,
 * online or not: one path, and actions always reach the server in the order they were taken
 * (progress before "ready"). An action leaves the queue only on a definite answer from the
 * server. Each action belongs to the account that took it: a phone passed from hand to hand
 * sends, counts and shows only the signed-in person's own actions.
 */
export interface QueuedAction {
  /** Order of arrival in the queue (IndexedDB's key generator). */
  seq?: number;
  /** The account that took the action: only that account's session ever sends it. */
  userId: string;
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
  actions: { key: number; value: QueuedAction; indexes: { byUser: string } };
}

const DATABASE = 'kiwanda-phone';
/**
 * 2: actions carry the account that took them. Actions kept by version 1 have none, so no
 * session ever sends them: sending them as whoever signs in next is the mistake version 2 ends.
 */
const VERSION = 2;

let opened: Promise<IDBPDatabase<QueueSchema>> | undefined;

function database(): Promise<IDBPDatabase<QueueSchema>> {
  opened ??= openDB<QueueSchema>(DATABASE, VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      const actions =
        oldVersion < 1
          ? db.createObjectStore('actions', { keyPath: 'seq', autoIncrement: true })
          : transaction.objectStore('actions');
      if (oldVersion < 2) actions.createIndex('byUser', 'userId');
    },
  });
  return opened;
}

/** A submitted form as the signed-in person's queued action: its fields as they are now, files as Blobs. */
export function queuedActionOf(form: FormData, { page, userId }: { page: string; userId: string }): QueuedAction {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    userId,
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

/** The account's waiting actions, oldest first (an index lists equal keys in primary-key order). */
export async function waitingActions(userId: string): Promise<QueuedAction[]> {
  return (await database()).getAllFromIndex('actions', 'byUser', userId);
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

/** A text field of a queued action, as the form carried it ('' when absent or a file). */
export function fieldOf(action: QueuedAction, name: string): string {
  const value = action.fields.find(([field]) => field === name)?.[1];
  return typeof value === 'string' ? value : '';
}
