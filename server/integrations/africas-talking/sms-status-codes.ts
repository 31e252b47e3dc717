/**
 * Africa's Talking's per-recipient status codes of a send (as integrators report them; see
 * PROVIDERS.md), in words for the messages page, and what each means for Kiwanda's outbox.
 */
export type RecipientOutcome =
  /** Africa's Talking took the message: it has a messageId, and delivery reports follow. */
  | 'accepted'
  /** Refused for this number: sending the same text to it again would be refused again. */
  | 'rejected'
  /** Refused for the account or by the gateway, nothing sent: the same message may go later. */
  | 'try-later';

interface RecipientCode {
  words: string;
  outcome: RecipientOutcome;
}

const RECIPIENT_CODES: Record<number, RecipientCode> = {
  100: { words: 'Processed', outcome: 'accepted' },
  101: { words: 'Sent', outcome: 'accepted' },
  102: { words: 'Queued', outcome: 'accepted' },
  401: { words: 'Held for a risk check by Africa’s Talking', outcome: 'try-later' },
  402: { words: 'The sender id is not valid for this account', outcome: 'try-later' },
  403: { words: 'Not a valid phone number', outcome: 'rejected' },
  404: { words: 'This kind of number cannot receive SMS', outcome: 'rejected' },
  405: { words: 'The SMS account has too little balance', outcome: 'try-later' },
  406: { words: 'The number has blocked messages from this sender', outcome: 'rejected' },
  407: { words: 'No route to this number', outcome: 'rejected' },
  409: { words: 'The number is on the do-not-disturb list', outcome: 'rejected' },
  500: { words: 'Africa’s Talking gateway error', outcome: 'try-later' },
  501: { words: 'Africa’s Talking gateway error', outcome: 'try-later' },
  502: { words: 'Africa’s Talking gateway error', outcome: 'try-later' },
};

/** What a recipient's status code means; unknown codes are kept as "try later" with the provider's own word. */
export function recipientCode(statusCode: number, status?: string): RecipientCode {
  return (
    RECIPIENT_CODES[statusCode] ?? {
      words: `${status ?? 'Unknown status'} (code ${statusCode})`,
      outcome: statusCode >= 100 && statusCode < 200 ? 'accepted' : 'try-later',
    }
  );
}
