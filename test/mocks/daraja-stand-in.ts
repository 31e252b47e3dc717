import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

import { createFakeDaraja, type FakeDaraja, type FakeDarajaRequest } from './fake-daraja';

/**
 * A real HTTP server on a local port standing in for Daraja (not MSW): Kiwanda reaches it only
 * through MPESA_BASE_URL, as it would reach Safaricom. Every request is recorded by the fake.
 */
export async function startDarajaStandIn({
  fake = createFakeDaraja(),
  afterHandling,
}: {
  fake?: FakeDaraja;
  /** Runs once a request has been acted on, before its answer is written (a test may kill Kiwanda here). */
  afterHandling?: (request: FakeDarajaRequest) => void;
} = {}) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: Record<string, unknown> | null = null;
      try {
        body =
          chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : null;
      } catch {
        body = null;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const { status, json } = fake.handle({ method: req.method ?? 'GET', url, headers, body });
      afterHandling?.(fake.requests[fake.requests.length - 1]);
      res.on('error', () => undefined);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    fake,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
