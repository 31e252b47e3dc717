import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Safaricom Daraja as its documentation describes it (OAuth, B2C v3, Transaction Status), kept in
 * memory: one valid token at a time, OriginatorConversationIDs refused when repeated, each
 * payment made once, results posted to the ResultURL. Both the MSW handlers (daraja.ts) and the
 * stand-in HTTP server (daraja-stand-in.ts) answer through it, so they behave alike.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DARAJA_TEST_CERTIFICATE_PATH = path.join(HERE, 'daraja-test-certificate.pem');
const DARAJA_TEST_KEY_PATH = path.join(HERE, 'daraja-test-key.pem');

export const FAKE_DARAJA_CREDENTIALS = {
  consumerKey: 'kiwanda-test-consumer-key',
  consumerSecret: 'kiwanda-test-consumer-secret',
  initiatorName: 'kiwanda-initiator',
  initiatorPassword: 'Safaricom999!*!',
  shortcode: '600000',
};

export interface FakeDarajaRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
  /** Whether the SecurityCredential decrypted to the initiator password with the test key. */
  credentialValid?: boolean;
}

export interface FakeDarajaAnswer {
  status: number;
  json: unknown;
}

/** What the fake M-Pesa does with a payment: pay it (code 0) or refuse it with a result code. */
export type PaymentOutcome = { code: 0 } | { code: number | string; description: string };

export interface FakePayment {
  originatorConversationId: string;
  conversationId: string;
  partyB: string;
  amount: number;
  outcome: PaymentOutcome;
  receipt?: string;
}

const gatewayError = (status: number, errorCode: string, errorMessage: string): FakeDarajaAnswer => ({
  status,
  json: { requestId: randomBytes(6).toString('hex'), errorCode, errorMessage },
});

/** RSA PKCS#1 v1.5 decryption needs OpenSSL itself: Node refuses it since CVE-2023-46809. */
function decryptCredential(base64: string): string | null {
  const result = spawnSync(
    'openssl',
    ['pkeyutl', '-decrypt', '-inkey', DARAJA_TEST_KEY_PATH, '-pkeyopt', 'rsa_padding_mode:pkcs1'],
    { input: Buffer.from(base64, 'base64') },
  );
  return result.status === 0 ? result.stdout.toString('utf8') : null;
}

function receiptNumber(): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  return Array.from(randomBytes(10), (byte) => letters[byte % letters.length]).join('');
}

export function createFakeDaraja({
  deliver = async (url, body) => {
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  },
}: {
  /** Posts a callback to Kiwanda; a throw counts the callback as lost (Daraja does not retry). */
  deliver?: (url: string, body: unknown) => Promise<void>;
} = {}) {
  let token: string | null = null;
  let tokensIssued = 0;
  const requests: FakeDarajaRequest[] = [];
  const payments = new Map<string, FakePayment>();
  const held: { url: string; body: unknown }[] = [];
  const delivered: { url: string; body: unknown }[] = [];
  const lost: { url: string; body: unknown }[] = [];
  const behaviour = {
    /** Decides each new payment's outcome; all paid unless a test says otherwise. */
    outcomeFor: (_payment: { partyB: string; amount: number }): PaymentOutcome => ({ code: 0 }),
    /** Keep callbacks until `flushCallbacks()` instead of posting them at once. */
    holdCallbacks: false,
    /** Drop the result of the next n payments (Kiwanda must find out by the status query). */
    loseResults: 0,
    /** Answer the next n payment requests with a queue timeout instead of a result. */
    timeOutResults: 0,
    /** Make the payment but answer the next n requests with a 503, as if the answer was lost. */
    loseAnswers: 0,
    /** Refuse the next n requests with a spike-arrest error, without looking at them. */
    spikeArrests: 0,
  };

  function schedule(url: string, body: unknown) {
    if (behaviour.holdCallbacks) held.push({ url, body });
    else void send(url, body);
  }

  async function send(url: string, body: unknown) {
    try {
      await deliver(url, body);
      delivered.push({ url, body });
    } catch {
      lost.push({ url, body });
    }
  }

  function resultBody(payment: FakePayment, queryId?: string) {
    const base = {
      ResultType: 0,
      OriginatorConversationID: queryId ?? payment.originatorConversationId,
      ConversationID: queryId ? `AG_Q_${payment.conversationId}` : payment.conversationId,
      TransactionID: payment.receipt ?? receiptNumber(),
    };
    if (queryId) {
      const paid = payment.outcome.code === 0;
      return {
        Result: {
          ...base,
          ResultCode: 0,
          ResultDesc: 'The service request is processed successfully.',
          ResultParameters: {
            ResultParameter: [
              { Key: 'ReceiptNo', Value: payment.receipt ?? '' },
              { Key: 'TransactionStatus', Value: paid ? 'Completed' : 'Failed' },
              { Key: 'Amount', Value: payment.amount },
              { Key: 'FinalisedTime', Value: 20261205120000 },
            ],
          },
        },
      };
    }
    if ('description' in payment.outcome) {
      return { Result: { ...base, ResultCode: payment.outcome.code, ResultDesc: payment.outcome.description } };
    }
    return {
      Result: {
        ...base,
        ResultCode: 0,
        ResultDesc: 'The service request is processed successfully.',
        ResultParameters: {
          ResultParameter: [
            { Key: 'TransactionAmount', Value: payment.amount },
            { Key: 'TransactionReceipt', Value: payment.receipt },
            { Key: 'B2CRecipientIsRegisteredCustomer', Value: 'Y' },
            { Key: 'ReceiverPartyPublicName', Value: `${payment.partyB} - Test Artisan` },
            { Key: 'TransactionCompletedDateTime', Value: '05.12.2026 12:00:00' },
          ],
        },
      },
    };
  }

  function authorised(headers: Headers): boolean {
    return token !== null && headers.get('authorization') === `Bearer ${token}`;
  }

  function handleToken(url: URL, headers: Headers): FakeDarajaAnswer {
    const expected = Buffer.from(
      `${FAKE_DARAJA_CREDENTIALS.consumerKey}:${FAKE_DARAJA_CREDENTIALS.consumerSecret}`,
    ).toString('base64');
    if (url.searchParams.get('grant_type') !== 'client_credentials')
      return gatewayError(400, '400.008.02', 'Invalid grant type passed');
    if (headers.get('authorization') !== `Basic ${expected}`)
      return gatewayError(400, '400.008.01', 'Invalid Authentication passed');
    // Each new token invalidates the one before, as Daraja's does.
    token = randomBytes(16).toString('hex');
    tokensIssued += 1;
    return { status: 200, json: { access_token: token, expires_in: '3599' } };
  }

  function handlePayment(body: Record<string, unknown>): FakeDarajaAnswer {
    const ocid = body.OriginatorConversationID;
    const amount = body.Amount;
    const partyB = String(body.PartyB ?? '');
    if (
      typeof ocid !== 'string' ||
      !Number.isInteger(amount) ||
      !/^2547\d{8}|^2541[01]\d{7}$/.test(partyB) ||
      body.CommandID !== 'BusinessPayment' ||
      typeof body.ResultURL !== 'string'
    ) {
      return gatewayError(400, '400.002.05', 'Invalid Request Payload');
    }
    if (payments.has(ocid)) return gatewayError(500, '500.002.1001', 'Duplicate OriginatorConversationID.');
    const outcome = behaviour.outcomeFor({ partyB, amount: amount as number });
    const payment: FakePayment = {
      originatorConversationId: ocid,
      conversationId: `AG_20261205_${randomBytes(8).toString('hex')}`,
      partyB,
      amount: amount as number,
      outcome,
      receipt: outcome.code === 0 ? receiptNumber() : undefined,
    };
    payments.set(ocid, payment);
    if (behaviour.loseResults > 0) behaviour.loseResults -= 1;
    else if (behaviour.timeOutResults > 0) {
      behaviour.timeOutResults -= 1;
      schedule(String(body.QueueTimeOutURL), {
        Result: { ResultCode: 1, ResultDesc: 'Request timed out in queue', OriginatorConversationID: ocid },
      });
    } else schedule(body.ResultURL, resultBody(payment));
    if (behaviour.loseAnswers > 0) {
      behaviour.loseAnswers -= 1;
      return gatewayError(503, '503.001.01', 'Service Unavailable');
    }
    return {
      status: 200,
      json: {
        ConversationID: payment.conversationId,
        OriginatorConversationID: ocid,
        ResponseCode: '0',
        ResponseDescription: 'Accept the service request successfully.',
      },
    };
  }

  function handleStatusQuery(body: Record<string, unknown>): FakeDarajaAnswer {
    const original = body.OriginalConversationID;
    if (
      body.CommandID !== 'TransactionStatusQuery' ||
      typeof original !== 'string' ||
      typeof body.ResultURL !== 'string'
    )
      return gatewayError(400, '400.002.05', 'Invalid Request Payload');
    const queryId = `KQ-${randomBytes(6).toString('hex')}`;
    const payment = payments.get(original);
    if (payment) schedule(body.ResultURL, resultBody(payment, queryId));
    else
      schedule(body.ResultURL, {
        Result: {
          ResultType: 0,
          ResultCode: 'R000002',
          ResultDesc: 'The transaction could not be found.',
          OriginatorConversationID: queryId,
        },
      });
    return {
      status: 200,
      json: {
        ConversationID: `AG_Q_${queryId}`,
        OriginatorConversationID: queryId,
        ResponseCode: '0',
        ResponseDescription: 'Accept the service request successfully.',
      },
    };
  }

  return {
    behaviour,
    requests,
    payments,
    lostCallbacks: lost,
    deliveredCallbacks: delivered,
    get tokensIssued() {
      return tokensIssued;
    },
    /** Answers one request as Daraja would. */
    handle({
      method,
      url,
      headers,
      body,
    }: {
      method: string;
      url: URL;
      headers: Headers;
      body: Record<string, unknown> | null;
    }): FakeDarajaAnswer {
      const record: FakeDarajaRequest = { method, path: url.pathname, body };
      requests.push(record);
      if (method === 'GET' && url.pathname === '/oauth/v1/generate') return handleToken(url, headers);
      if (!authorised(headers)) return gatewayError(401, '404.001.04', 'Invalid Access Token');
      if (behaviour.spikeArrests > 0) {
        behaviour.spikeArrests -= 1;
        return gatewayError(500, '500.003.02', 'Spike arrest violation');
      }
      if (!body) return gatewayError(400, '400.002.05', 'Invalid Request Payload');
      const credential =
        typeof body.SecurityCredential === 'string' ? decryptCredential(body.SecurityCredential) : null;
      record.credentialValid = credential === FAKE_DARAJA_CREDENTIALS.initiatorPassword;
      if (!record.credentialValid) return gatewayError(400, '400.002.05', 'Invalid SecurityCredential');
      if (url.pathname === '/mpesa/b2c/v3/paymentrequest') return handlePayment(body);
      if (url.pathname === '/mpesa/transactionstatus/v1/query') return handleStatusQuery(body);
      return gatewayError(404, '404.001.01', 'Resource not found');
    },
    /** Forgets payments, requests and callbacks, and restores the default behaviour (tokens stay). */
    reset() {
      requests.length = 0;
      payments.clear();
      held.length = 0;
      delivered.length = 0;
      lost.length = 0;
      Object.assign(behaviour, {
        outcomeFor: () => ({ code: 0 }),
        holdCallbacks: false,
        loseResults: 0,
        timeOutResults: 0,
        loseAnswers: 0,
        spikeArrests: 0,
      });
    },
    /** Posts the callbacks held so far, in order. */
    async flushCallbacks(): Promise<number> {
      const batch = held.splice(0);
      for (const callback of batch) await send(callback.url, callback.body);
      return batch.length;
    },
  };
}

export type FakeDaraja = ReturnType<typeof createFakeDaraja>;
