import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OPENAPI_DOCUMENT } from '#server/api/openapi-document';
import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { SYSTEM_ACTOR } from '#server/domain/actor';
import { domainEvents } from '#server/domain-events';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Channel, ChannelKey, IdempotencyRecord, Job, Order } from '#server/models/index';
import { type ProductDoc } from '#server/models/product';
import { createChannelKey, revokeChannelKey } from '#server/services/channels/channel-keys';

import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { contractProblems } from '../../support/openapi-contract';
import { testDatabaseUri } from '../../support/test-database';
import { buildChannelNetwork } from './channel-network';

// Monday 2 March 2026, 09:00 in Nairobi.
const now = new Date('2026-03-02T06:00:00Z');

describe('the channels’ order API', () => {
  let server: RunningKiwanda;
  let hoops: ProductDoc;
  let webKey: string;
  let partnerKey: string;
  let sequence = 0;

  beforeAll(async () => {
    server = await startTestServer({ clock: { now: () => now }, env: { API_RATE_LIMIT_PER_MINUTE: '60' } });
    await clearDomainDatabase();
    clearReadModelCaches();
    ({ hoops, webKey, partnerKey } = await buildChannelNetwork());
  });
  afterAll(async () => {
    await server?.close();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    externalRef: `MW-PO-${++sequence}`,
    customer: { name: 'Madewell buying team', store: 'Madewell SoHo', country: 'US' },
    shipBy: '2026-03-13',
    lines: [{ sku: hoops.sku, quantity: 24 }],
    ...overrides,
  });
  /** Every answer the tests got, checked against the OpenAPI document at the end. */
  const answered: Promise<Parameters<typeof contractProblems>[0]>[] = [];
  const send = async (
    path: string,
    { key = partnerKey, idempotencyKey, json }: { key?: string | null; idempotencyKey?: string; json?: unknown } = {},
  ) => {
    const method = json === undefined ? 'GET' : 'POST';
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const copy = response.clone();
    answered.push(
      copy.json().then((body: unknown) => ({ method, path, status: copy.status, headers: copy.headers, body })),
    );
    return response;
  };

  it('creates an order with a promised ship date per line and publishes order:created', async () => {
    const events: unknown[] = [];
    const stop = domainEvents.subscribe('order:created', (event) => events.push(event));
    const small = body();
    const big = body({ lines: [{ sku: hoops.sku, quantity: 240 }] });
    const created = await send('/orders', { idempotencyKey: 'create-small-1', json: small }).finally(() => undefined);
    const late = await send('/orders', { idempotencyKey: 'create-big-1', json: big }).finally(stop);

    expect(created.status).toBe(201);
    const order = (await created.json()) as { id: string; status: string; lines: { promisedShipDate: string }[] };
    expect(created.headers.get('location')).toBe(`/api/v1/orders/${order.id}`);
    expect(order).toMatchObject({
      status: 'open',
      externalRef: small.externalRef,
      customer: { name: 'Madewell buying team', store: 'Madewell SoHo', country: 'US' },
      lines: [
        { sku: hoops.sku, quantity: 24, unitPriceCents: hoops.wholesalePriceCents, promisedShipDate: '2026-03-13' },
      ],
    });
    // 240 × 55 min is more than two artisans' 50 hours a week give before the 13th.
    const lateOrder = (await late.json()) as { lines: { promisedShipDate: string | null }[] };
    expect(late.status).toBe(201);
    expect(lateOrder.lines[0].promisedShipDate).not.toBeNull();
    expect(lateOrder.lines[0].promisedShipDate! > '2026-03-13').toBe(true);
    expect(events).toHaveLength(2);
    expect(await Order.findById(order.id).lean()).toMatchObject({ source: 'retail', partner: 'Madewell' });
  });

  it('promises each order after the ones promised just before it, without waiting for a new read', async () => {
    // The two artisans make about 53 hoops by the 13th: 24 are promised already (above), 20 more
    // fit, and 20 after those do not.
    const first = await send('/orders', {
      idempotencyKey: 'carried-1',
      json: body({ lines: [{ sku: hoops.sku, quantity: 20 }] }),
    });
    const second = await send('/orders', {
      idempotencyKey: 'carried-2',
      json: body({ lines: [{ sku: hoops.sku, quantity: 20 }] }),
    });
    const promisedOf = async (response: Response) =>
      ((await response.json()) as { lines: { promisedShipDate: string | null }[] }).lines[0].promisedShipDate;
    expect(await promisedOf(first)).toBe('2026-03-13');
    expect((await promisedOf(second))! > '2026-03-13').toBe(true);
  });

  it('answers eight concurrent retries of one request with exactly one order', async () => {
    const request = body();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => send('/orders', { idempotencyKey: 'concurrent-retry-1', json: request })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = await Promise.all(answers.map(async (answer) => ((await answer.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(1);
    for (const answer of answers.filter((reply) => reply.status === 200))
      expect(answer.headers.get('idempotent-replayed')).toBe('true');
    expect(await Order.countDocuments({ externalRef: request.externalRef })).toBe(1);
    expect(await IdempotencyRecord.countDocuments({ key: 'concurrent-retry-1' })).toBe(1);
  });

  it('refuses the same key with another body, and an externalRef used before, with 409', async () => {
    const first = body();
    expect((await send('/orders', { idempotencyKey: 'conflict-key-1', json: first })).status).toBe(201);
    const otherBody = await send('/orders', { idempotencyKey: 'conflict-key-1', json: { ...first, notes: 'gift' } });
    expect(otherBody.status).toBe(409);
    expect(await otherBody.json()).toEqual({
      error: 'Idempotency-Key conflict-key-1 was already used with a different request body',
    });
    const reused = await send('/orders', { idempotencyKey: 'conflict-key-2', json: first });
    expect(reused.status).toBe(409);
    expect(((await reused.json()) as { error: string }).error).toContain(`externalRef ${first.externalRef}`);
  });

  it('names every bad field of a bad body at once', async () => {
    const bad = await send('/orders', {
      idempotencyKey: 'bad-body-1',
      json: body({
        shipBy: '2026-02-20',
        lines: [
          { sku: 'NO-SUCH-SKU', quantity: 24 },
          { sku: hoops.sku, quantity: 5 },
        ],
      }),
    });
    expect(bad.status).toBe(400);
    const { fields } = (await bad.json()) as { fields: { field: string; message: string }[] };
    expect(fields).toEqual([
      { field: 'shipBy', message: 'must be after the order is placed (it is in the past)' },
      { field: 'lines.0.sku', message: 'unknown SKU NO-SUCH-SKU' },
      { field: 'lines.1.quantity', message: `5 is below the minimum lot of 12 for ${hoops.sku}` },
    ]);
    const shapeless = await send('/orders', { idempotencyKey: 'bad-body-2', json: { lines: [{ quantity: 0 }] } });
    expect(shapeless.status).toBe(400);
    expect(((await shapeless.json()) as { fields: { field: string }[] }).fields.map((issue) => issue.field)).toEqual(
      expect.arrayContaining(['externalRef', 'customer', 'shipBy', 'lines.0.sku', 'lines.0.quantity']),
    );
    const noKey = await send('/orders', { json: body() });
    expect(noKey.status).toBe(400);
    expect(((await noKey.json()) as { fields: { field: string }[] }).fields[0].field).toBe('Idempotency-Key');
    expect(await Order.countDocuments({ 'lines.sku': 'NO-SUCH-SKU' })).toBe(0);
  });

  it('answers a body that is not JSON, and an id that is not one, without a 500', async () => {
    const garbled = await fetch(`${server.url}/api/v1/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${partnerKey}`,
        'idempotency-key': 'garbled-1',
      },
      body: '{"externalRef": "MW-1", "lines": [',
    });
    expect(garbled.status).toBe(400);
    expect(((await garbled.json()) as { error: string }).error).toMatch(/could not be read/);
    const notAnId = await send('/orders/not-an-order-id');
    expect([400, 404]).toContain(notAnId.status);
    // Not part of the documented API, so asked outside the contract check.
    const unknown = await fetch(`${server.url}/api/v1/nothing-here`, {
      headers: { authorization: `Bearer ${partnerKey}` },
    });
    expect(unknown.status).toBe(404);
  });

  it('answers 401 without a key or with a revoked one, and 403 for another channel’s order', async () => {
    expect((await send('/orders', { key: null, idempotencyKey: 'no-key-1', json: body() })).status).toBe(401);
    expect((await send('/orders', { key: 'kiw_0123456789abcdef_' + 'x'.repeat(43), json: body() })).status).toBe(401);
    const created = await send('/orders', { idempotencyKey: 'owned-order-1', json: body() });
    const { id } = (await created.json()) as { id: string };
    const own = await send(`/orders/${id}`);
    expect(own.status).toBe(200);
    expect(((await own.json()) as { id: string }).id).toBe(id);
    const foreign = await send(`/orders/${id}`, { key: webKey });
    expect(foreign.status).toBe(403);
    expect((await send('/orders/0123456789abcdef01234567')).status).toBe(404);

    // The web key was verified a moment ago (and is remembered): revoking it refuses it at once.
    const [webKeyId] = /kiw_([a-f0-9]{16})_/.exec(webKey)!.slice(1);
    await revokeChannelKey({ actor: SYSTEM_ACTOR, keyId: webKeyId, at: now });
    const revoked = await send(`/orders/${id}`, { key: webKey });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({ error: 'this channel key has been revoked' });
  });

  it('refuses a remembered key at once when another app process announces its revocation', async () => {
    const { key, keyId } = await createChannelKey({ actor: SYSTEM_ACTOR, channel: 'madewell', label: 'second' });
    expect((await send('/orders/0123456789abcdef01234567', { key })).status).toBe(404);
    // Written as another process would, whose event reaches this one through the relay.
    await ChannelKey.updateOne({ keyId }, { $set: { revokedAt: now } });
    expect((await send('/orders/0123456789abcdef01234567', { key })).status).toBe(404);
    const channel = await Channel.findOne({ name: 'madewell' }).lean();
    domainEvents.deliverRemote('channel:changed', { channelId: String(channel!._id), change: 'key-revoked' }, false);
    const revoked = await send('/orders/0123456789abcdef01234567', { key });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({ error: 'this channel key has been revoked' });
  });

  it('cancels an order until production starts, then says why it cannot', async () => {
    const open = (await (await send('/orders', { idempotencyKey: 'cancel-1', json: body() })).json()) as { id: string };
    const events: unknown[] = [];
    const stop = domainEvents.subscribe('order:cancelled', (event) => events.push(event));
    const cancelled = await send(`/orders/${open.id}/cancel`, { json: { reason: 'store closing' } }).finally(stop);
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'store closing' });
    expect(events).toEqual([{ orderId: open.id, cancelledJobs: 0 }]);

    const started = (await (await send('/orders', { idempotencyKey: 'cancel-2', json: body() })).json()) as {
      id: string;
    };
    await Order.updateOne({ _id: started.id }, { $set: { status: 'in_production' } });
    const refused = await send(`/orders/${started.id}/cancel`, { json: {} });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/production has already started/);
    expect(await Job.countDocuments()).toBe(0);
  });

  it('prints a working key from `npm run --silent channel-key -- create`, and nothing else', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'channel-key', '--', 'create', '--channel', 'web-shop', '--label', 'ops'],
      { env: { ...process.env, MONGODB_URI: testDatabaseUri(), LOG_LEVEL: 'warn' } },
    );
    expect(stdout).toMatch(/^kiw_[a-f0-9]{16}_[A-Za-z0-9_-]{43}\n$/);
    const key = stdout.trim();
    const answer = await send('/orders/0123456789abcdef01234567', { key });
    expect(answer.status).toBe(404);
    expect(await ChannelKey.countDocuments({ label: 'ops', secretHash: { $ne: key } })).toBe(1);
  });

  it('answers 429 with Retry-After once a channel goes over its limit', async () => {
    let answer: Response | undefined;
    for (let attempt = 0; attempt < 80; attempt += 1) {
      answer = await send('/orders/0123456789abcdef01234567');
      if (answer.status === 429) break;
    }
    expect(answer?.status).toBe(429);
    expect(Number(answer?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answered every request above as its public OpenAPI 3.1 document says', async () => {
    const document = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(document.status).toBe(200);
    expect(await document.json()).toEqual(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));

    const answers = await Promise.all(answered);
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200, 201, 400, 401, 403, 404, 409, 429]));
    expect(answers.flatMap(contractProblems)).toEqual([]);
  });
});
