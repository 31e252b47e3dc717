import { darajaAccessToken, DarajaAuthError, forgetDarajaAccessToken } from './access-token';
import { type DarajaSettings } from './daraja-settings';
import { encryptSecurityCredential } from './security-credential';

const REQUEST_TIMEOUT_MS = 20_000;

/**
 * What Daraja said to a request. Only `accepted` and `duplicate` mean the request reached M-Pesa;
 * `refused` means it certainly did not (nothing will be paid for it); `unanswered` means Kiwanda
 * cannot tell (network error, timeout, 5xx, throttling), so the same request may be sent again:
 * Daraja refuses a second request with the same OriginatorConversationID.
 */
export type DarajaAnswer =
  | { kind: 'accepted'; conversationId: string }
  | { kind: 'duplicate'; message: string }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'unanswered'; message: string };

/** `500.002.1001` is reported for other internal errors too: only its message tells a duplicate. */
const DUPLICATE_CODE = '500.002.1001';
const DUPLICATE_MESSAGE = /duplicate/i;
/** Gateway codes that refuse a request without looking at it: try the same request later. */
const TRY_LATER_CODES = new Set(['500.003.02', '500.003.03', '500.003.1001', '503.001.01']);

/** Daraja wants the number as 2547XXXXXXXX; Kiwanda stores +2547XXXXXXXX. */
export function darajaMsisdn(phone: string): string {
  return phone.replace(/^\+/, '');
}

async function postToDaraja(settings: DarajaSettings, path: string, body: object): Promise<DarajaAnswer> {
  let token: string;
  try {
    token = await darajaAccessToken(settings);
  } catch (error) {
    // No token, no request: nothing reached M-Pesa, and the same request can go later.
    const message = error instanceof DarajaAuthError ? error.message : `token request failed: ${String(error)}`;
    return { kind: 'unanswered', message };
  }
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${settings.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    return { kind: 'unanswered', message: `no answer from Daraja: ${(error as Error).message}` };
  }
  if (response.status === 401) forgetDarajaAccessToken(settings, token);
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // An HTML error page from a proxy: the status decides below.
  }
  if (response.ok && String(json.ResponseCode) === '0' && typeof json.ConversationID === 'string') {
    return { kind: 'accepted', conversationId: json.ConversationID };
  }
  const code = typeof json.errorCode === 'string' ? json.errorCode : String(json.ResponseCode ?? response.status);
  const message = String(json.errorMessage ?? json.ResponseDescription ?? (text.slice(0, 200) || response.statusText));
  if (code === DUPLICATE_CODE && DUPLICATE_MESSAGE.test(message)) return { kind: 'duplicate', message };
  if (response.status >= 500 || response.status === 401 || response.status === 429 || TRY_LATER_CODES.has(code)) {
    return { kind: 'unanswered', message: `${code} ${message}` };
  }
  return { kind: 'refused', code, message };
}

/** Daraja's B2C and Transaction Status APIs for one environment and shortcode. */
export function createDarajaClient(settings: DarajaSettings) {
  const credential = () =>
    encryptSecurityCredential({ password: settings.initiatorPassword, publicKey: settings.publicKey });
  return {
    /** Pays `amountShillings` to `phone` by B2C BusinessPayment (v3). */
    requestPayment({
      originatorConversationId,
      amountShillings,
      phone,
      remarks,
    }: {
      originatorConversationId: string;
      amountShillings: number;
      phone: string;
      remarks: string;
    }): Promise<DarajaAnswer> {
      return postToDaraja(settings, '/mpesa/b2c/v3/paymentrequest', {
        OriginatorConversationID: originatorConversationId,
        InitiatorName: settings.initiatorName,
        SecurityCredential: credential(),
        CommandID: 'BusinessPayment',
        Amount: amountShillings,
        PartyA: settings.shortcode,
        PartyB: darajaMsisdn(phone),
        Remarks: remarks.slice(0, 100),
        QueueTimeOutURL: `${settings.callbackBaseUrl}/b2c/timeout`,
        ResultURL: `${settings.callbackBaseUrl}/b2c/result`,
        // Spelled so in v3.
        Occassion: 'Kiwanda payout',
      });
    },

    /**
     * Asks M-Pesa what became of a payment request. The answer comes later, on the status result
     * URL, which carries the payment request's id because the status result only names the query.
     */
    queryTransactionStatus({ originatorConversationId }: { originatorConversationId: string }): Promise<DarajaAnswer> {
      const attempt = encodeURIComponent(originatorConversationId);
      return postToDaraja(settings, '/mpesa/transactionstatus/v1/query', {
        Initiator: settings.initiatorName,
        SecurityCredential: credential(),
        CommandID: 'TransactionStatusQuery',
        OriginalConversationID: originatorConversationId,
        PartyA: settings.shortcode,
        IdentifierType: '4',
        ResultURL: `${settings.callbackBaseUrl}/status/result?attempt=${attempt}`,
        QueueTimeOutURL: `${settings.callbackBaseUrl}/status/timeout?attempt=${attempt}`,
        Remarks: 'Kiwanda payout check',
        Occasion: 'Kiwanda payout check',
      });
    },
  };
}

export type DarajaClient = ReturnType<typeof createDarajaClient>;
