import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sessionCookieSecure } from '#server/auth/session-storage';
import { SYSTEM_ACTOR } from '#server/domain/actor';
import { type OrderCreated } from '#server/domain/events';
import { domainEvents } from '#server/domain-events';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Session } from '#server/models/session';
import { changePassword } from '#server/services/users/change-password';
import { chooseLanguage } from '#server/services/users/choose-language';
import { deactivateUser } from '#server/services/users/deactivate-user';

import { startTestServer } from '../support/app-server';
import { signIn, TEST_PASSWORD } from '../support/sign-in';
import { connectSignedIn, recordEvents, type TestSocket } from './dashboard/socket-client';

const ORDER: OrderCreated = { orderId: 'o1', source: 'web', shipByWeek: '2026-W50', units: 3 };

describe('sessions end for good: sign-out, password change, deactivation', () => {
  let server: RunningKiwanda;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await server?.close();
  });

  /** A guarded page: 200 with a live session, a redirect to /login without one. */
  const overviewStatus = async (cookie: string) =>
    (await fetch(`${server.url}/overview`, { headers: { cookie }, redirect: 'manual' })).status;

  const connect = async (cookie: string) => {
    const socket = await connectSignedIn({ url: server.url, cookie, reconnection: false });
    sockets.push(socket);
    return socket;
  };
  const disconnected = (socket: TestSocket) =>
    new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

  it('keeps only a hash of the cookie’s id, and a copied cookie dies with sign-out, as do its sockets', async () => {
    const { cookie, value, user } = await signIn({ baseUrl: server.url, role: 'planner' });
    const stored = await Session.find({ user: user.id }).lean();
    expect(stored).toHaveLength(1);
    expect(decodeURIComponent(value)).not.toContain(stored[0]._id);
    expect(await overviewStatus(cookie)).toBe(200);
    const socket = await connect(cookie);
    const gone = disconnected(socket);

    const signOut = await fetch(`${server.url}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    expect(signOut.status).toBe(302);
    expect(await gone).toBe('io server disconnect');
    expect(await overviewStatus(cookie)).toBe(302);
    expect(await Session.countDocuments({ user: user.id })).toBe(0);
    await expect(connectSignedIn({ url: server.url, cookie, reconnection: false })).rejects.toThrow();
  });

  it('ends every session of an account when its password changes', async () => {
    const first = await signIn({ baseUrl: server.url, role: 'manager' });
    expect(await overviewStatus(first.cookie)).toBe(200);
    const ended = await changePassword({
      actor: SYSTEM_ACTOR,
      userId: first.user.id,
      newPassword: 'a new long password',
    });
    expect(ended.endedSessions).toBe(1);
    expect(await overviewStatus(first.cookie)).toBe(302);
  });

  it('disconnects a deactivated user’s open sockets at once and refuses their cookie', async () => {
    const { cookie, user } = await signIn({ baseUrl: server.url, role: 'planner' });
    const [one, two] = [await connect(cookie), await connect(cookie)];
    const gone = Promise.all([disconnected(one), disconnected(two)]);
    await deactivateUser({ actor: SYSTEM_ACTOR, userId: user.id });
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);
    expect(await overviewStatus(cookie)).toBe(302);
  });

  it('gives a socket resumed without a valid cookie nothing of what it missed', async () => {
    const { cookie } = await signIn({ baseUrl: server.url, role: 'planner' });
    const planner = await connect(cookie);
    domainEvents.publish('order:created', ORDER);
    await expect.poll(() => (planner as unknown as { _lastOffset?: string })._lastOffset).toBeTruthy();
    const { _pid: pid, _lastOffset: offset } = planner as unknown as { _pid: string; _lastOffset: string };
    // The transport drops (a phone losing signal): the server keeps the socket's state for recovery.
    const dropped = disconnected(planner);
    planner.io.engine.close();
    await dropped;
    domainEvents.publish('order:created', { ...ORDER, orderId: 'missed' });

    // Someone else presents the socket's recovery id with no cookie, then with a forged one.
    for (const headers of [{}, { cookie: '__kiwanda_session=forged' }] as Record<string, string>[]) {
      const intruder = connectSocket(server.url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: headers,
        auth: { pid, offset },
      });
      sockets.push(intruder);
      const packets: unknown[] = [];
      intruder.io.on('packet', (packet: { type: number }) => packets.push(packet));
      const outcome = await new Promise<string>((resolve) => {
        intruder.once('connect', () => resolve('connected'));
        intruder.once('connect_error', () => resolve('refused'));
      });
      expect(outcome).toBe('refused');
      expect(packets).toEqual([]);
      intruder.disconnect();
    }
  });

  it('still recovers a signed-in socket with what it missed', async () => {
    const { cookie } = await signIn({ baseUrl: server.url, role: 'planner' });
    const planner = await connectSignedIn({ url: server.url, cookie });
    sockets.push(planner);
    const orders = recordEvents(planner, 'order:created');
    const dropped = disconnected(planner);
    planner.io.engine.close();
    await dropped;
    domainEvents.publish('order:created', { ...ORDER, orderId: 'while-away' });
    await expect.poll(() => orders.map((order) => order.orderId), { timeout: 10_000 }).toEqual(['while-away']);
    expect(planner.recovered).toBe(true);
  });

  it('answers from the kept account, and drops it as soon as the session’s end is announced', async () => {
    const { cookie, user } = await signIn({ baseUrl: server.url, role: 'planner' });
    expect(await overviewStatus(cookie)).toBe(200);
    // Deleted behind the servers' backs (no event): the kept account still answers, so it is kept…
    await Session.deleteMany({ user: user.id });
    expect(await overviewStatus(cookie)).toBe(200);
    // …and the event every way of ending a session publishes drops it at once.
    domainEvents.publish('session:ended', { userId: user.id, sessionId: null });
    expect(await overviewStatus(cookie)).toBe(302);
  });

  it('reads the account again after a language change', async () => {
    const { cookie, user } = await signIn({ baseUrl: server.url, role: 'field_officer' });
    const read = () => server.context.accounts.readSignedInUser({ cookieHeader: cookie });
    expect((await read())?.language).toBe('en');
    await chooseLanguage({ userId: user.id, language: 'sw' });
    expect((await read())?.language).toBe('sw');
  });

  it('never keeps a cookie that names no live session', async () => {
    const { cookie, user } = await signIn({ baseUrl: server.url, role: 'manager' });
    await Session.deleteMany({ user: user.id });
    expect(await server.context.accounts.readSignedInUser({ cookieHeader: cookie })).toBeNull();
    expect(await server.context.accounts.readSignedInUser({ cookieHeader: 'other=1' })).toBeNull();
  });

  it('marks the cookie Secure in production unless a plain-HTTP lab turns it off', async () => {
    expect(sessionCookieSecure({ NODE_ENV: 'production' })).toBe(true);
    expect(sessionCookieSecure({ NODE_ENV: 'production', SESSION_COOKIE_SECURE: false })).toBe(false);
    expect(sessionCookieSecure({ NODE_ENV: 'development' })).toBe(false);
    const secureServer = await startTestServer({ env: { SESSION_COOKIE_SECURE: 'true' } });
    try {
      const { user } = await signIn({ baseUrl: server.url, role: 'designer' });
      const response = await fetch(`${secureServer.url}/login`, {
        method: 'POST',
        body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }),
        redirect: 'manual',
      });
      expect(response.status).toBe(302);
      expect(response.headers.get('set-cookie')).toMatch(/^__kiwanda_session=[^;]+;.*; Secure/i);
    } finally {
      await secureServer.close();
    }
  });
});
