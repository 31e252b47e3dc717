import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type ServerHello } from '#server/domain/events';
import { type RunningKiwanda } from '#server/kiwanda-server';

import { startTestServer } from '../support/app-server';
import { signIn } from '../support/sign-in';

describe('Kiwanda server', () => {
  let server: RunningKiwanda;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('listens on the free port it was given', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('renders the app shell: a sign-in landing for visitors, the live-connection indicator once signed in', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const landing = await response.text();
    expect(landing).toContain('<title>Kiwanda');
    expect(landing).toContain('href="/login"');
    expect(landing).toMatch(/\/build\/entry\.client-[A-Z0-9]+\.js/);
    // Signed out there is no live link, so no indicator claiming one.
    expect(landing).not.toContain('data-testid="live-indicator"');

    const { cookie } = await signIn({ baseUrl: server.url, role: 'planner' });
    const signedIn = await fetch(`${server.url}/planning`, { headers: { cookie } });
    expect(signedIn.status).toBe(200);
    // Rendered on the server as "off"; the browser turns it to connected (see the e2e test).
    expect(await signedIn.text()).toMatch(/data-testid="live-indicator" data-status="offline"/);
  });

  it('answers /healthz with status, version and database state', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { state: 'connected', mode: 'external' },
      pageThreads: { started: 0, ready: 0 },
    });
  });

  it('serves a 404 page for an unknown route', async () => {
    const response = await fetch(`${server.url}/no-such-page`);
    expect(response.status).toBe(404);
  });

  it('refuses a socket.io client that has not signed in', async () => {
    const client: Socket = connectSocket(server.url, { transports: ['websocket'], forceNew: true });
    try {
      const error = await new Promise<Error>((resolve, reject) => {
        client.once('connect_error', resolve);
        client.once('connect', () => reject(new Error('an anonymous socket was let in')));
      });
      // Refused at the HTTP handshake (server/realtime/admit-handshake.ts), before Socket.IO starts.
      expect(error.message).toBe('websocket error');
      expect(client.connected).toBe(false);
    } finally {
      client.disconnect();
    }
  });

  it('pushes server:hello to a signed-in socket.io client', async () => {
    const { cookie } = await signIn({ baseUrl: server.url, role: 'planner' });
    const client: Socket = connectSocket(server.url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie },
    });
    try {
      const hello = await new Promise<ServerHello>((resolve, reject) => {
        client.once('server:hello', resolve);
        client.once('connect_error', reject);
      });
      expect(hello.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(Date.parse(hello.serverTime)).not.toBeNaN();
      const reply = await client.timeout(2_000).emitWithAck('server:ping');
      expect(Date.parse(reply.serverTime)).not.toBeNaN();
    } finally {
      client.disconnect();
    }
  });
});
