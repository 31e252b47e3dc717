import { type SmsSettings } from './sms-settings';
import { recipientCode } from './sms-status-codes';

const REQUEST_TIMEOUT_MS = 20_000;

/**
 * What Africa's Talking said to one send. Only `accepted` and `rejected` are answers about the
 * message itself; `not-sent` means it certainly did not go (the same message may go later when
 * `retryable`); `unknown` means Kiwanda cannot tell whether it went (no answer, a cut connection,
 * an answer it cannot read), and Africa's Talking has no idempotency key to ask with.
 */
export type SmsAnswer =
  | { kind: 'accepted'; messageId: string; statusCode: number; cost?: string; costCents?: number }
  | { kind: 'rejected'; statusCode: number; reason: string }
  | { kind: 'not-sent'; retryable: boolean; reason: string }
  | { kind: 'unknown'; reason: string };

/** Errors of the connection phase: the request never left Kiwanda, so nothing was sent. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** "KES 0.8000" in KES cents (rounded); other currencies are kept as text only. */
export function costInKesCents(cost: string | undefined): number | undefined {
  const match = /^KES\s+(\d+(?:\.\d+)?)$/.exec(cost?.trim() ?? '');
  return match ? Math.round(Number(match[1]) * 100) : undefined;
}

interface RecipientBody {
  statusCode?: unknown;
  number?: unknown;
  status?: unknown;
  cost?: unknown;
  messageId?: unknown;
}

function answerOfRecipient(recipient: RecipientBody | undefined): SmsAnswer {
  const statusCode = Number(recipient?.statusCode);
  if (!recipient || !Number.isInteger(statusCode)) {
    return { kind: 'unknown', reason: 'Africa’s Talking answered 201 without a recipient status' };
  }
  const code = recipientCode(statusCode, typeof recipient.status === 'string' ? recipient.status : undefined);
  if (code.outcome === 'accepted') {
    if (typeof recipient.messageId !== 'string' || recipient.messageId === 'None') {
      return { kind: 'unknown', reason: `accepted (${statusCode}) without a message id` };
    }
    const cost = typeof recipient.cost === 'string' ? recipient.cost : undefined;
    return { kind: 'accepted', messageId: recipient.messageId, statusCode, cost, costCents: costInKesCents(cost) };
  }
  if (code.outcome === 'rejected') return { kind: 'rejected', statusCode, reason: code.words };
  return { kind: 'not-sent', retryable: true, reason: `${code.words} (${statusCode})` };
}

function answerOfFailure(error: unknown): SmsAnswer {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code && NOT_CONNECTED.has(code)) {
    return { kind: 'not-sent', retryable: true, reason: `could not reach Africa’s Talking (${code})` };
  }
  return { kind: 'unknown', reason: `no answer from Africa’s Talking: ${(error as Error).message}`.slice(0, 300) };
}

/** Africa's Talking's SMS API for one app (username and API key). */
export function createSmsClient(settings: SmsSettings) {
  return {
    /** Sends `message` to one number (+2547…), form-encoded, as `POST /version1/messaging`. */
    async sendSms({ to, message }: { to: string; message: string }): Promise<SmsAnswer> {
      const form = new URLSearchParams({ username: settings.username, to, message });
      if (settings.senderId) form.set('from', settings.senderId);
      let response: Response;
      let text: string;
      try {
        response = await fetch(`${settings.baseUrl}/version1/messaging`, {
          method: 'POST',
          headers: {
            apiKey: settings.apiKey,
            accept: 'application/json',
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: form.toString(),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        text = await response.text();
      } catch (error) {
        return answerOfFailure(error);
      }
      if (response.status === 201) {
        try {
          const body = JSON.parse(text) as { SMSMessageData?: { Recipients?: RecipientBody[] } };
          return answerOfRecipient(body.SMSMessageData?.Recipients?.[0]);
        } catch {
          return { kind: 'unknown', reason: `Africa’s Talking answered 201 with a body Kiwanda cannot read` };
        }
      }
      const detail = `HTTP ${response.status}: ${text.slice(0, 200) || response.statusText}`;
      // A gateway timeout may come after Africa's Talking took the message: whether it went is unknown.
      if (response.status === 504) return { kind: 'unknown', reason: detail };
      // A wrong key (401), throttling (429) and server errors send nothing and may pass; other
      // refusals (400: a malformed request) would be refused again.
      const retryable = response.status === 401 || response.status === 429 || response.status >= 500;
      return { kind: 'not-sent', retryable, reason: detail };
    },
  };
}

export type SmsClient = ReturnType<typeof createSmsClient>;
