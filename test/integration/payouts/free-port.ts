import { createServer, type AddressInfo } from 'node:net';

/**
 * A port free right now. Kiwanda must know its public address (PUBLIC_BASE_URL, where Daraja posts
 * results) before it listens, so tests that run it behind a Daraja stand-in pick the port first.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
