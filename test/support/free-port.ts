import { createServer, type AddressInfo } from 'node:net';

/**
 * A port free right now, for servers that must be told their port before they listen (Redis; Kiwanda
 * behind a Daraja stand-in, which must know its public address, PUBLIC_BASE_URL, first).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
