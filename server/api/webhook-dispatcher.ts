import { type Logger } from '../logger';
import { Channel } from '../models/channel';
import { WebhookDelivery, type WebhookDeliveryDoc } from '../models/webhook-delivery';
import { signWebhookBody, WEBHOOK_EVENT_ID_HEADER, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';

export interface WebhookDispatcherOptions {
  logger: Logger;
  /** How often the outbox is looked at for deliveries that are due. */
  pollMs: number;
  /** Wait before the 2nd attempt; each later wait doubles it. */
  retryBaseMs: number;
  /** Attempts before a delivery is given up as failed (it stays in the log). */
  maxAttempts: number;
}

const REQUEST_TIMEOUT_MS = 10_000;
/** A claimed delivery is not picked again for this long, so one stuck attempt is not sent twice. */
const CLAIM_MS = REQUEST_TIMEOUT_MS + 5_000;
const BATCH = 20;

async function attempt(delivery: WebhookDeliveryDoc): Promise<{ ok: boolean; httpStatus?: number; error?: string }> {
  const channel = await Channel.findById(delivery.channel, { webhookSecret: 1 }).lean();
  if (!channel?.webhookSecret) return { ok: false, error: 'the channel has no webhook secret any more' };
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [WEBHOOK_EVENT_ID_HEADER]: delivery.eventId,
        [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody({ body: delivery.body, secret: channel.webhookSecret }),
      },
      body: delivery.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return { ok: response.ok, httpStatus: response.status };
  } catch (error) {
    return { ok: false, error: (error as Error).message.slice(0, 500) };
  }
}

/**
 * Sends the outbox's due status webhooks, each until the channel answers 2xx, with exponential
 * backoff between attempts. Every instance claims a delivery before sending it, so two
 * processes never send one attempt twice; the outbox lives in the database, so a restart picks
 * up where the last process stopped.
 *
 * NOTE: retry times follow the wall clock, not the app's Clock: they are about the receiver's
 * real downtime, and a fixed test clock would otherwise never let a retry come due.
 */
export function startWebhookDispatcher({ logger, pollMs, retryBaseMs, maxAttempts }: WebhookDispatcherOptions) {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  async function sendDue(): Promise<void> {
    const due = await WebhookDelivery.find({ status: 'pending', nextAttemptAt: { $lte: new Date() } })
      .sort({ nextAttemptAt: 1 })
      .limit(BATCH)
      .lean();
    for (const candidate of due) {
      if (stopped) return;
      const claimed = await WebhookDelivery.findOneAndUpdate(
        { _id: candidate._id, status: 'pending', nextAttemptAt: candidate.nextAttemptAt },
        { $set: { nextAttemptAt: new Date(Date.now() + CLAIM_MS) } },
        { lean: true, returnDocument: 'after' },
      );
      if (!claimed) continue;
      const outcome = await attempt(claimed);
      const at = new Date();
      const tries = claimed.attempts.length + 1;
      const record = { at, httpStatus: outcome.httpStatus, error: outcome.error };
      const next = outcome.ok
        ? { status: 'delivered', deliveredAt: at }
        : tries >= maxAttempts
          ? { status: 'failed' }
          : { nextAttemptAt: new Date(at.getTime() + retryBaseMs * 2 ** (tries - 1)) };
      await WebhookDelivery.updateOne({ _id: claimed._id }, { $push: { attempts: record }, $set: next });
      if (!outcome.ok)
        logger.warn({ eventId: claimed.eventId, tries, ...outcome }, 'status webhook not accepted; will retry');
    }
  }

  const timer = setInterval(() => {
    running = running.then(sendDue).catch((error: unknown) => logger.error({ err: error }, 'webhook dispatch failed'));
  }, pollMs);
  timer.unref();

  return {
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
