import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { Channel, WebhookDelivery } from '#server/models/index';

import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { buildChannelNetwork } from './channel-network';

const SECRET = 'whsec-restart-test-0123456789';
const DISPATCH = { WEBHOOK_POLL_MS: '40', WEBHOOK_RETRY_BASE_MS: '100' };

/** A channel's receiver that refuses everything until told to accept, recording every request. */
function startReceiver() {
  const state = { accepting: false };
  const received: { eventId: string; bodyId: string; signed: boolean; accepted: boolean }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
      received.push({
        eventId: String(req.headers['kiwanda-event-id']),
        bodyId: (JSON.parse(body) as { id: string }).id,
        signed: req.headers['kiwanda-signature'] === signature,
        accepted: state.accepting,
      });
      res.writeHead(state.accepting ? 200 : 503).end();
    });
  });
  return { server, received, state };
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the condition never held');
}

describe('status webhooks across a restart', () => {
  const receiver = startReceiver();
  let kiwanda: RunningKiwanda | undefined;

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await kiwanda?.close();
    await new Promise((resolve) => (receiver.server as Server).close(resolve));
  });

  it('delivers every queued event once, with its original id, after the server stops and starts again', async () => {
    // First life: the channel's receiver is down; every delivery is tried and refused.
    kiwanda = await startTestServer({ env: DISPATCH });
    await clearDomainDatabase();
    const { partnerKey, hoops } = await buildChannelNetwork();
    const { port } = receiver.server.address() as AddressInfo;
    await Channel.updateOne(
      { name: 'madewell' },
      { $set: { webhookUrl: `http://127.0.0.1:${port}/kiwanda`, webhookSecret: SECRET } },
    );
    for (const n of [1, 2, 3]) {
      const answer = await fetch(`${kiwanda.url}/api/v1/orders`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${partnerKey}`,
          'idempotency-key': `restart-order-${n}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          externalRef: `MW-RS-${n}`,
          customer: { name: 'Madewell buying team' },
          shipBy: new Date(Date.now() + 20 * 86_400_000).toISOString(),
          lines: [{ sku: hoops.sku, quantity: 12 }],
        }),
      });
      expect(answer.status).toBe(201);
    }
    await waitFor(async () => (await WebhookDelivery.countDocuments({ 'attempts.0': { $exists: true } })) === 3);
    await kiwanda.close();
    // Between the two lives, straight from the database: the outbox holds all three, undelivered.
    await connectDomainDatabase();
    const queued = await WebhookDelivery.find({}, { eventId: 1, status: 1 }).lean();
    await disconnectDomainDatabase();
    expect(queued.map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);
    const refusedBefore = receiver.received.length;
    expect(receiver.received.every((request) => !request.accepted)).toBe(true);

    // Second life on the same database: the receiver is back, the outbox is picked up where it was.
    receiver.state.accepting = true;
    kiwanda = await startTestServer({ env: DISPATCH });
    await waitFor(async () => (await WebhookDelivery.countDocuments({ status: 'delivered' })) === 3);
    // Nothing more is due: nothing is sent again.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const accepted = receiver.received.filter((request) => request.accepted);
    expect(accepted.map((request) => request.eventId).sort()).toEqual(queued.map((row) => row.eventId).sort());
    expect(receiver.received.length - refusedBefore).toBe(3);
    for (const request of receiver.received) {
      expect(request.bodyId).toBe(request.eventId);
      expect(request.signed).toBe(true);
      expect(queued.map((row) => row.eventId)).toContain(request.eventId);
    }
  });
});
