import { type Types } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { type Actor } from '#server/domain/actor';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Artisan, Job, User } from '#server/models/index';
import { seedDemoNetwork } from '#server/seed/load-demo-network';
import { transitionJob } from '#server/services/jobs/transition-job';

import { makeJob } from '../../factories/jobs';
import { startTestServer } from '../../support/app-server';
import { signIn } from '../../support/sign-in';
import { connectSignedIn, recordEvents, waitFor, type TestSocket } from './socket-client';

const PLANNER: Actor = { kind: 'user', role: 'planner', label: 'test planner' };

/** Job status changes end to end: service → domain event → Socket.IO rooms → real clients on a real port. */
describe('live job events over Socket.IO', () => {
  let server: RunningKiwanda;
  let plannerCookie: string;
  let artisanCookie: string;
  let strangerCookie: string;
  let artisan: { id: Types.ObjectId; workshop: Types.ObjectId };
  let stranger: { id: Types.ObjectId; workshop: Types.ObjectId };
  const sockets: TestSocket[] = [];

  /** A job accepted by `holder` in their workshop, ready to be started. */
  async function acceptedJobOf(holder: { id: Types.ObjectId; workshop: Types.ObjectId }): Promise<string> {
    const job = makeJob({ workshop: holder.workshop, artisan: holder.id, status: 'accepted', plannedWeek: '2026-W48' });
    await Job.collection.insertOne(job);
    return String(job._id);
  }

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoNetwork({
      options: { seed: 'dashboard-live', artisans: 80, weeks: 4, referenceDate: new Date('2026-11-23T10:00:00Z') },
      replaceRealData: true,
    });
    // Artisans without an account yet (the demo network gives one artisan an account).
    const linked = await User.distinct('artisan');
    const own = await Artisan.findOne({ status: 'active', _id: { $nin: linked } }).lean();
    const other = await Artisan.findOne({
      workshop: { $ne: own?.workshop },
      status: 'active',
      _id: { $nin: linked },
    }).lean();
    if (!own || !other) throw new Error('the demo network has no two artisans in different workshops');
    artisan = { id: own._id, workshop: own.workshop };
    stranger = { id: other._id, workshop: other.workshop };
    [plannerCookie, artisanCookie, strangerCookie] = (
      await Promise.all([
        signIn({ baseUrl: server.url, role: 'planner' }),
        signIn({ baseUrl: server.url, role: 'artisan', artisanId: String(own._id) }),
        signIn({ baseUrl: server.url, role: 'artisan', artisanId: String(other._id) }),
      ])
    ).map((session) => session.cookie);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(async () => {
    await server?.close();
  });

  const connect = async (cookie: string, options: { reconnection?: boolean } = {}) => {
    const socket = await connectSignedIn({ url: server.url, cookie, ...options });
    sockets.push(socket);
    return socket;
  };

  it('reaches the planner and the job’s artisan, and not an artisan of another workshop', async () => {
    const [plannerSocket, artisanSocket, strangerSocket] = await Promise.all([
      connect(plannerCookie),
      connect(artisanCookie),
      connect(strangerCookie),
    ]);
    const [toPlanner, toArtisan, toStranger] = [plannerSocket, artisanSocket, strangerSocket].map((socket) =>
      recordEvents(socket, 'job:status'),
    );

    const jobId = await acceptedJobOf(artisan);
    await transitionJob({ actor: PLANNER, jobId, to: 'in_progress' });
    await waitFor(() => toPlanner.length === 1 && toArtisan.length === 1, {
      what: 'the planner and the artisan to hear of the job',
    });
    expect(toPlanner[0]).toMatchObject({
      jobId,
      from: 'accepted',
      to: 'in_progress',
      workshopId: String(artisan.workshop),
      artisanId: String(artisan.id),
    });
    expect(toArtisan[0]).toEqual(toPlanner[0]);

    // The stranger's socket works: a job in their own workshop reaches them, and only that one did.
    const theirs = await acceptedJobOf(stranger);
    await transitionJob({ actor: PLANNER, jobId: theirs, to: 'in_progress' });
    await waitFor(() => toStranger.length > 0, { what: 'the other artisan to hear of their own job' });
    expect(toStranger.map((event) => event.jobId)).toEqual([theirs]);
    expect(toArtisan.map((event) => event.jobId)).toEqual([jobId]);
  });

  it('refuses a socket without a session', async () => {
    await expect(
      connectSignedIn({ url: server.url, cookie: '__kiwanda_session=forged', reconnection: false }),
    ).rejects.toThrow('websocket error');
  });

  it('delivers what a briefly disconnected client missed when it reconnects', async () => {
    const plannerSocket = await connect(plannerCookie, { reconnection: false });
    const received = recordEvents(plannerSocket, 'job:status');
    const socketId = plannerSocket.id;
    const serverSawDisconnect = new Promise<void>((resolve) => {
      const serverSocket = server.io.sockets.sockets.get(socketId ?? '');
      serverSocket?.once('disconnect', () => resolve());
    });
    // The network drops: the transport closes under the client, as when a phone loses signal.
    plannerSocket.io.engine.close();
    await serverSawDisconnect;
    expect(plannerSocket.connected).toBe(false);

    const jobId = await acceptedJobOf(artisan);
    await transitionJob({ actor: PLANNER, jobId, to: 'in_progress' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(0);

    plannerSocket.connect();
    await waitFor(() => received.length === 1, { what: 'the missed event after reconnecting' });
    expect(plannerSocket.recovered).toBe(true);
    expect(received[0]).toMatchObject({ jobId, to: 'in_progress' });
  });

  it('starts a fresh session, without the missed events, when the server cannot recover it', async () => {
    const plannerSocket = await connect(plannerCookie, { reconnection: false });
    const received = recordEvents(plannerSocket, 'job:status');
    // The server ends the session itself, so it keeps nothing to replay (as after a restart).
    server.io.in(plannerSocket.id ?? '').disconnectSockets();
    await waitFor(() => !plannerSocket.connected, { what: 'the server to close the session' });
    const jobId = await acceptedJobOf(artisan);
    await transitionJob({ actor: PLANNER, jobId, to: 'in_progress' });

    plannerSocket.connect();
    await waitFor(() => plannerSocket.connected, { what: 'the client to connect again' });
    expect(plannerSocket.recovered).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // This is why pages revalidate their loaders after such a reconnect (useLiveRevalidation).
    expect(received).toHaveLength(0);
  });
});
