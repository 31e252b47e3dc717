import { createHmac } from 'node:crypto';

/** The header a status webhook's signature travels in: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'Kiwanda-Signature';
export const WEBHOOK_EVENT_ID_HEADER = 'Kiwanda-Event-Id';

export function signWebhookBody({ body, secret }: { body: string; secret: string }): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
