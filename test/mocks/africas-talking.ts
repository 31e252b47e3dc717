import { randomBytes } from 'node:crypto';

import { bypass, http, HttpResponse } from 'msw';

/**
 * Africa's Talking's SMS API as its documentation describes it, kept in memory, with MSW handlers
 * for `POST {baseUrl}/version1/messaging`: form-encoded, `apiKey` header, 201 with a status per
 * recipient, and its error answers (401 wrong key; per recipient 403 invalid number, 405
 * insufficient balance; 500 gateway error). Delivery reports are form POSTs to the URL registered
 * in the dashboard (`deliveryReportUrl`), as Africa's Talking sends them.
 */
export const FAKE_AT_CREDENTIALS = { username: 'sandbox', apiKey: 'kiwanda-test-africas-talking-key' };
export const FAKE_AT_BASE_URL = 'https://api.sandbox.africastalking.com';

export interface FakeSms {
  messageId: string;
  to: string;
  message: string;
  from?: string;
}

/** A delivery report's form fields (docs: id, status, phoneNumber, networkCode, failureReason). */
export type FakeDeliveryReport = Record<string, string>;

const VALID_NUMBER = /^\+254(7\d|1[01])\d{7}$/;
const SAFARICOM = '63902';

function recipient(statusCode: number, number: string, status: string, extra: { cost?: string; messageId?: string }) {
  return { statusCode, number, status, cost: extra.cost ?? '0', messageId: extra.messageId ?? 'None' };
}

export function createFakeAfricasTalking({
  deliveryReportUrl,
  deliveryDelayMs = 10,
}: {
  /** Where reports go; unset keeps them in `reports` only. */
  deliveryReportUrl?: string;
  /** How long after a send its report goes. */
  deliveryDelayMs?: number;
} = {}) {
  const sent: FakeSms[] = [];
  const requests: Record<string, string>[] = [];
  const reports: FakeDeliveryReport[] = [];
  const behaviour = {
    /** Numbers the network refuses as invalid (per-recipient 403). */
    invalidNumbers: new Set<string>(),
    /** Answer the next n sends with 405 insufficient balance (nothing sent). */
    insufficientBalance: 0,
    /** Answer the next n sends with HTTP 500 (nothing sent). */
    gatewayErrors: 0,
    /** Send the next n messages but cut the connection instead of answering (the answer is lost). */
    loseAnswers: 0,
    /** Report each sent message as delivered ("Success") or failed, to `deliveryReportUrl`. */
    report: (_sms: FakeSms): FakeDeliveryReport | null => null,
  };

  async function deliverReport(report: FakeDeliveryReport) {
    reports.push(report);
    if (!deliveryReportUrl) return;
    // Past MSW: the report goes to Kiwanda's own server over the network, as the provider's would.
    await fetch(
      bypass(
        new Request(deliveryReportUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(report).toString(),
        }),
      ),
    ).catch(() => undefined);
  }

  /** Answers one send as Africa's Talking would: `status` and a JSON or text body, or `lost`. */
  function handleSend(headers: Headers, form: URLSearchParams): { status: number; body: unknown } | 'lost' {
    requests.push(Object.fromEntries(form));
    if (headers.get('apikey') !== FAKE_AT_CREDENTIALS.apiKey || form.get('username') !== FAKE_AT_CREDENTIALS.username)
      return { status: 401, body: 'The supplied authentication is invalid' };
    const to = form.get('to');
    const message = form.get('message');
    if (!to) return { status: 400, body: "Request is missing required form field 'to'" };
    if (!message) return { status: 400, body: "Request is missing required form field 'message'" };
    if (behaviour.gatewayErrors > 0) {
      behaviour.gatewayErrors -= 1;
      return { status: 500, body: 'Internal Server Error' };
    }
    const number = to.split(',')[0].trim();
    let result;
    if (behaviour.insufficientBalance > 0) {
      behaviour.insufficientBalance -= 1;
      result = recipient(405, number, 'InsufficientBalance', {});
    } else if (!VALID_NUMBER.test(number) || behaviour.invalidNumbers.has(number)) {
      result = recipient(403, number, 'InvalidPhoneNumber', {});
    } else {
      const sms: FakeSms = {
        messageId: `ATXid_${randomBytes(16).toString('hex')}`,
        to: number,
        message,
        from: form.get('from') ?? undefined,
      };
      sent.push(sms);
      const report = behaviour.report(sms);
      if (report) setTimeout(() => void deliverReport(report), deliveryDelayMs).unref();
      result = recipient(101, number, 'Success', { cost: 'KES 0.8000', messageId: sms.messageId });
      if (behaviour.loseAnswers > 0) {
        behaviour.loseAnswers -= 1;
        return 'lost';
      }
    }
    const cost = result.statusCode === 101 ? 'KES 0.8000' : '0';
    return {
      status: 201,
      body: {
        SMSMessageData: {
          Message: `Sent to ${result.statusCode === 101 ? 1 : 0}/1 Total Cost: ${cost}`,
          Recipients: [result],
        },
      },
    };
  }

  return {
    behaviour,
    sent,
    requests,
    reports,
    handleSend,
    /** A report for a message, posted as Africa's Talking would (Success: delivered to the handset). */
    deliverReport,
    /** Reports a sent message delivered to the handset. */
    delivered: (sms: FakeSms): FakeDeliveryReport => ({
      id: sms.messageId,
      status: 'Success',
      phoneNumber: sms.to,
      networkCode: SAFARICOM,
    }),
    reset() {
      sent.length = 0;
      requests.length = 0;
      reports.length = 0;
      Object.assign(behaviour, {
        invalidNumbers: new Set<string>(),
        insufficientBalance: 0,
        gatewayErrors: 0,
        loseAnswers: 0,
        report: () => null,
      });
    },
  };
}

export type FakeAfricasTalking = ReturnType<typeof createFakeAfricasTalking>;

/** MSW handlers answering Africa's Talking's SMS API at `baseUrl` through the fake. */
export function africasTalkingHandlers(fake: FakeAfricasTalking, baseUrl = FAKE_AT_BASE_URL) {
  return [
    http.post(`${baseUrl}/version1/messaging`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const answer = fake.handleSend(request.headers, form);
      if (answer === 'lost') return HttpResponse.error();
      return typeof answer.body === 'string'
        ? HttpResponse.text(answer.body, { status: answer.status })
        : HttpResponse.json(answer.body as Record<string, unknown>, { status: answer.status });
    }),
  ];
}
