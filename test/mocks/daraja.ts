import { http, HttpResponse } from 'msw';

import { type FakeDaraja } from './fake-daraja';

/**
 * MSW handlers for Safaricom Daraja at `baseUrl` (the sandbox host by default), answering through
 * the fake (fake-daraja.ts): tokens, B2C v3 payment requests, Transaction Status queries, and
 * their documented error answers.
 */
export function darajaHandlers(fake: FakeDaraja, baseUrl = 'https://sandbox.safaricom.co.ke') {
  const answer = async ({ request }: { request: Request }) => {
    let body: Record<string, unknown> | null = null;
    if (request.method === 'POST') {
      try {
        body = (await request.json()) as Record<string, unknown>;
      } catch {
        body = null;
      }
    }
    const { status, json } = fake.handle({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body,
    });
    return HttpResponse.json(json as Record<string, unknown>, { status });
  };
  return [
    http.get(`${baseUrl}/oauth/v1/generate`, answer),
    http.post(`${baseUrl}/mpesa/b2c/v3/paymentrequest`, answer),
    http.post(`${baseUrl}/mpesa/transactionstatus/v1/query`, answer),
  ];
}
