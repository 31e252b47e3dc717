import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Role } from '#server/domain/roles';
import { domainEvents } from '#server/domain-events';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Artisan } from '#server/models/artisan';
import { Workshop } from '#server/models/workshop';

import { makeArtisan, makeWorkshop } from '../factories/network';
import { startTestServer } from '../support/app-server';
import { clearDomainDatabase } from '../support/domain-database';
import { signIn } from '../support/sign-in';
import { connectSignedIn, type TestSocket } from './dashboard/socket-client';

/** One line per event a socket received: its name and what tells it apart. */
function describeEvent(name: string, payload: Record<string, unknown>): string {
  if (name === 'capacity:changed') return `${name} ${(payload.workshopIds as string[]).join('+')}`;
  if (name === 'payment:paid') return `${name} ${String(payload.paymentId)} ${String(payload.amountCents)}`;
  if (name === 'job:status' || name === 'inspection:recorded') return `${name} ${String(payload.workshopId)}`;
  return name;
}

describe('what each role receives live', () => {
  let server: RunningKiwanda;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    // The worker's database may hold another file's network, with the same factory codes.
    await clearDomainDatabase();
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await server?.close();
  });

  it('gives each role exactly the events its pages may show, and no payment amounts beyond the dashboards and the artisan paid', async () => {
    const [ownWorkshop, otherWorkshop] = await Workshop.create([makeWorkshop(), makeWorkshop()]);
    const [artisan, colleague] = await Artisan.create([
      makeArtisan({ workshop: ownWorkshop._id }),
      makeArtisan({ workshop: ownWorkshop._id }),
    ]);
    const [A, B] = [String(ownWorkshop._id), String(otherWorkshop._id)];
    const roles: Role[] = ['planner', 'manager', 'admin', 'designer', 'field_officer', 'artisan'];
    const received: Record<string, string[]> = {};
    for (const role of roles) {
      const { cookie } = await signIn({
        baseUrl: server.url,
        role,
        artisanId: role === 'artisan' ? String(artisan._id) : undefined,
      });
      const socket = await connectSignedIn({ url: server.url, cookie, reconnection: false });
      sockets.push(socket);
      received[role] = [];
      socket.onAny((name: string, payload: Record<string, unknown>) => {
        if (name !== 'server:hello') received[role].push(describeEvent(name, payload));
      });
    }

    const job = {
      jobId: 'j',
      orderId: 'o',
      from: 'offered' as const,
      to: 'accepted' as const,
      week: '2026-W50' as const,
    };
    const payment = { jobId: 'j', workshopId: A, amountCents: 123_400 };
    domainEvents.publish('order:created', { orderId: 'o', source: 'web', shipByWeek: '2026-W50', units: 4 });
    domainEvents.publish('order:cancelled', { orderId: 'o', cancelledJobs: 1 });
    domainEvents.publish('job:status', { ...job, workshopId: A, artisanId: String(artisan._id) });
    domainEvents.publish('job:status', { ...job, workshopId: B, artisanId: null });
    domainEvents.publish('capacity:changed', { workshopIds: [A, B], weeks: ['2026-W50'] });
    domainEvents.publish('inspection:recorded', {
      inspectionId: 'i',
      jobId: 'j',
      workshopId: A,
      artisanId: String(artisan._id),
      passedQuantity: 3,
      failedQuantity: 1,
    });
    domainEvents.publish('payment:paid', { ...payment, paymentId: 'mine', artisanId: String(artisan._id) });
    domainEvents.publish('payment:paid', { ...payment, paymentId: 'colleague', artisanId: String(colleague._id) });
    domainEvents.publish('plan:progress', { planId: 'p', trigger: 'auto', phase: 'reading', percent: 5, message: 'm' });
    domainEvents.publish('plan:proposed', { planId: 'p', trigger: 'auto', placedUnits: 4, unplacedUnits: 0 });
    domainEvents.publish('plan:committed', { planId: 'p', jobs: 1, units: 12, workshops: 1, weeks: ['2026-W50'] });
    domainEvents.publish('session:ended', { userId: '0123456789abcdef01234567', sessionId: null });
    // A round trip on each socket after the events: everything sent before its answer has arrived.
    await Promise.all(sockets.map((socket) => socket.timeout(5_000).emitWithAck('server:ping')));

    const everything = [
      'order:created',
      'order:cancelled',
      `job:status ${A}`,
      `job:status ${B}`,
      `capacity:changed ${A}+${B}`,
      `inspection:recorded ${A}`,
      'payment:paid mine 123400',
      'payment:paid colleague 123400',
      'plan:progress',
      'plan:proposed',
      'plan:committed',
    ];
    expect(received).toEqual({
      planner: everything,
      manager: everything,
      admin: everything,
      designer: [`capacity:changed ${A}+${B}`, 'plan:committed'],
      field_officer: [`job:status ${A}`, `job:status ${B}`, `inspection:recorded ${A}`],
      artisan: [`job:status ${A}`, `capacity:changed ${A}`, `inspection:recorded ${A}`, 'payment:paid mine 123400'],
    });
  });
});
