import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type JobStatusChanged, type PaymentPaid } from '#server/domain/events';
import { domainEvents } from '#server/domain-events';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Artisan } from '#server/models/artisan';
import { Workshop } from '#server/models/workshop';

import { makeArtisan, makeWorkshop } from '../factories/network';
import { startTestServer } from '../support/app-server';
import { clearDomainDatabase } from '../support/domain-database';
import { signIn } from '../support/sign-in';

async function connectAs(server: RunningKiwanda, cookie: string): Promise<Socket> {
  const socket = connectSocket(server.url, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

function collect<Payload>(socket: Socket, event: string): Payload[] {
  const received: Payload[] = [];
  socket.on(event, (payload: Payload) => received.push(payload));
  return received;
}

const jobEvent = (workshopId: string, artisanId: string | null): JobStatusChanged => ({
  jobId: 'job-' + workshopId.slice(-4),
  orderId: 'order',
  workshopId,
  artisanId,
  from: 'offered',
  to: 'accepted',
  week: '2026-W48',
});

describe('live events reach the rooms allowed to see them', () => {
  let server: RunningKiwanda;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    // Earlier test files of this worker share the database; start from empty collections.
    await clearDomainDatabase();
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await server?.close();
  });

  it('gives planners every event and an artisan only her workshop’s and her own', async () => {
    const [workshop, otherWorkshop] = await Workshop.create([makeWorkshop(), makeWorkshop()]);
    const [artisan, colleague] = await Artisan.create([
      makeArtisan({ workshop: workshop._id }),
      makeArtisan({ workshop: workshop._id }),
    ]);
    const planner = await connectAs(server, (await signIn({ baseUrl: server.url, role: 'planner' })).cookie);
    const maker = await connectAs(
      server,
      (await signIn({ baseUrl: server.url, role: 'artisan', artisanId: String(artisan._id) })).cookie,
    );
    sockets.push(planner, maker);
    const plannerJobs = collect<JobStatusChanged>(planner, 'job:status');
    const makerJobs = collect<JobStatusChanged>(maker, 'job:status');
    const plannerPay = collect<PaymentPaid>(planner, 'payment:paid');
    const makerPay = collect<PaymentPaid>(maker, 'payment:paid');

    const own = jobEvent(String(workshop._id), String(artisan._id));
    const elsewhere = jobEvent(String(otherWorkshop._id), null);
    domainEvents.publish('job:status', own);
    domainEvents.publish('job:status', elsewhere);
    const mine = {
      paymentId: 'p1',
      jobId: 'j1',
      workshopId: String(workshop._id),
      artisanId: String(artisan._id),
      amountCents: 5_000,
    };
    const colleagues = { ...mine, paymentId: 'p2', artisanId: String(colleague._id) };
    domainEvents.publish('payment:paid', mine);
    domainEvents.publish('payment:paid', colleagues);

    await expect.poll(() => plannerPay.length).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(plannerJobs).toEqual([own, elsewhere]);
    expect(makerJobs).toEqual([own]);
    expect(makerPay).toEqual([mine]);
  });
});
