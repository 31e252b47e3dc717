import { formOf, removeAction, waitingActions, type QueuedAction } from './action-queue';
import { OTHER_ACCOUNT_KIND, PHONE_ACTIONS_PATH, QUEUED_BY_HEADER } from './phone-paths';

/** What the server answered one action: applied (perhaps before), or refused with its reason. */
export type ActionAnswer =
  | { ok: true; kind: string; jobId: string; status: string; replayed: boolean }
  | { ok: false; kind: string; jobId: string; error: string; fields: Record<string, string> };

/**
 * Sends the waiting actions, oldest first, each under its own id: the server applies an id once
 * and answers a resend with its first result, so sending again after a lost answer is safe.
 * An action leaves the queue on a definite answer: applied (2xx), or refused (4xx), which the
 * page shows. No network, a redirect to sign in or a server fault keeps it, and the rest wait
 * behind it so the order holds. Returns the answers, in order.
 *
 * NOTE: the page sends, not the service worker (Workbox's background sync could): the page must
 * show how many actions wait and what each answered, and a phone page is open whenever someone
 * acts. Tabs take turns through a Web Lock, so two open pages never send the same action at once
 * (the server would still apply it once). Only the signed-in account's actions are sent; each
 * names its account, and the server refuses it for any other session (a sign-out in another tab).
 * Returns what still waits.
 */
export async function sendQueuedActions(
  userId: string,
  onAnswer: (answer: ActionAnswer, action: QueuedAction) => void,
): Promise<QueuedAction[]> {
  const send = async () => {
    for (const action of await waitingActions(userId)) {
      const answer = await sendOne(action);
      if (!answer) return;
      await removeAction(action.seq ?? -1);
      onAnswer(answer, action);
    }
  };
  if (typeof navigator.locks?.request === 'function') await navigator.locks.request('kiwanda-phone-queue', send);
  else await send();
  return waitingActions(userId);
}

/** The server's answer to one action, or null when there is none yet worth acting on. */
async function sendOne(action: QueuedAction): Promise<ActionAnswer | null> {
  let response: Response;
  try {
    response = await fetch(PHONE_ACTIONS_PATH, {
      method: 'POST',
      body: formOf(action),
      // A signed-out phone gets a redirect to sign in: not an answer, the action waits.
      redirect: 'manual',
      credentials: 'same-origin',
      headers: { accept: 'application/json', [QUEUED_BY_HEADER]: action.userId },
    });
  } catch {
    return null;
  }
  if (response.status < 200 || response.status >= 500 || response.status === 429) return null;
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  // Another account is signed in now: not an answer to this action, which waits for its own.
  if (body?.kind === OTHER_ACCOUNT_KIND) return null;
  if (response.ok && body?.ok === true) {
    return {
      ok: true,
      kind: action.kind,
      jobId: action.jobId,
      status: String(body.status ?? ''),
      replayed: body.replayed === true,
    };
  }
  if (response.status >= 400 && response.status < 500) {
    return {
      ok: false,
      kind: action.kind,
      jobId: action.jobId,
      error: typeof body?.error === 'string' ? body.error : `refused (${response.status})`,
      fields: (body?.fields as Record<string, string> | undefined) ?? {},
    };
  }
  return null;
}
