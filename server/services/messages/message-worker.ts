import { type SmsClient } from '../../integrations/africas-talking/sms-client';
import { type Logger } from '../../logger';
import { startPollingWorker } from '../polling-worker';
import { markStalledSendsUnknown, sendDueMessages } from './send-messages';

/** Longer than the client's request timeout: a message `sending` this long has lost its sender. */
const STALLED_SEND_MS = 120_000;

/**
 * The SMS sender: every `pollMs` it sends the outbox's due messages and gives up on sends whose
 * sender stopped. Any number of processes may run it: each message is claimed by one update
 * (send-messages.ts), so no two send the same message, and the state lives in the database.
 * NOTE: times follow the wall clock, not the app's Clock: they are about the provider's delays.
 */
export function startMessageWorker({
  client,
  logger,
  pollMs,
  retryBaseMs = 30_000,
}: {
  client: SmsClient;
  logger: Logger;
  pollMs: number;
  retryBaseMs?: number;
}) {
  return startPollingWorker({
    name: 'SMS',
    pollMs,
    logger,
    async round(isStopped) {
      await markStalledSendsUnknown({ now: new Date(), stalledMs: STALLED_SEND_MS });
      await sendDueMessages({ client, now: () => new Date(), retryBaseMs, beforeEach: async () => !isStopped() });
    },
  });
}
