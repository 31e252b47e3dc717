import { Types } from 'mongoose';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createSmsClient } from '#server/integrations/africas-talking/sms-client';
import { Artisan } from '#server/models/artisan';
import { Job } from '#server/models/job';
import { Product } from '#server/models/product';
import { SmsMessage } from '#server/models/sms-message';
import { User } from '#server/models/user';
import { Workshop } from '#server/models/workshop';
import { recordInspection } from '#server/services/inspections/record-inspection';
import { applyDeliveryReport } from '#server/services/messages/apply-delivery-report';
import { queueInspectionMessage, queueOfferMessages } from '#server/services/messages/queue-artisan-messages';
import { resendMessage } from '#server/services/messages/resend-message';
import { markStalledSendsUnknown, sendDueMessages } from '#server/services/messages/send-messages';
import { runInTransaction } from '#server/services/run-in-transaction';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeCollection, makeProduct, makeWorkshop } from '../../factories/network';
import {
  africasTalkingHandlers,
  createFakeAfricasTalking,
  FAKE_AT_BASE_URL,
  FAKE_AT_CREDENTIALS,
} from '../../mocks/africas-talking';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

const fake = createFakeAfricasTalking();
const msw = setupServer(...africasTalkingHandlers(fake));
const client = createSmsClient({ baseUrl: FAKE_AT_BASE_URL, ...FAKE_AT_CREDENTIALS, callbackSecret: 'x'.repeat(24) });
const RETRY_MS = 30_000;

describe('the SMS outbox: queued with its cause, sent once, settled by delivery reports', () => {
  let artisanId: Types.ObjectId;
  let jobId: string;
  const officer = makeActor('field_officer');
  /** The sender's clock runs with the wall clock (inspections are recorded by it), moved on by tests. */
  let aheadMs = 0;
  const clock = () => new Date(Date.now() + aheadMs);
  const send = () => sendDueMessages({ client, now: clock, retryBaseMs: RETRY_MS });

  beforeAll(async () => {
    msw.listen({ onUnhandledRequest: 'error' });
    await connectDomainDatabase();
  });
  afterAll(async () => {
    msw.close();
    await disconnectDomainDatabase();
  });
  afterEach(() => fake.reset());
  beforeEach(async () => {
    await clearDomainDatabase();
    aheadMs = 0;
    const workshop = await Workshop.create(makeWorkshop());
    const artisan = await Artisan.create(makeArtisan({ workshop: workshop._id }));
    artisanId = artisan._id;
    await User.create({
      email: `artisan-${String(artisan._id)}@test.kiwanda`,
      name: artisan.name,
      role: 'artisan',
      artisan: artisan._id,
      language: 'sw',
      passwordHash: 'x',
    });
    const job = await Job.create(
      makeJob({ workshop: workshop._id, artisan: artisan._id, status: 'ready_for_qc', quantity: 5 }),
    );
    jobId = String(job._id);
  });

  const inspect = () =>
    recordInspection({
      actor: officer,
      jobId,
      passedQuantity: 4,
      failedQuantity: 1,
      defects: [{ reason: 'scratches', quantity: 1 }],
    });

  it("queues an inspection's result in the artisan's language with the inspection, once however often it is applied", async () => {
    const inspection = await inspect();
    const again = () =>
      runInTransaction((unit) =>
        queueInspectionMessage({
          unit,
          inspectionId: inspection._id,
          job: { artisan: artisanId, workshop: inspection.workshop, product: inspection.job },
          passed: 4,
          failed: 1,
          at: clock(),
        }),
      );
    expect(await again()).toBe(0);
    const messages = await SmsMessage.find().lean();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'inspection', status: 'queued', language: 'sw', attempts: 0 });
    expect(messages[0].text).toContain('vipande 4 vimepita, 1 havikupita');
  });

  it('writes in the language HQ recorded for the artisan until the artisan chooses one', async () => {
    await User.updateMany({ artisan: artisanId }, { $unset: { language: 1 } });
    await Artisan.updateOne({ _id: artisanId }, { $set: { language: 'sw' } });
    await inspect();
    expect(await SmsMessage.findOne().lean()).toMatchObject({ kind: 'inspection', language: 'sw' });
    await SmsMessage.deleteMany({});
    await User.updateMany({ artisan: artisanId }, { $set: { language: 'en' } });
    await runInTransaction((unit) =>
      queueInspectionMessage({
        unit,
        inspectionId: new Types.ObjectId(),
        job: { artisan: artisanId, workshop: new Types.ObjectId(), product: new Types.ObjectId() },
        passed: 1,
        failed: 0,
        at: clock(),
      }),
    );
    expect(await SmsMessage.findOne().lean()).toMatchObject({ language: 'en' });
  });

  it('sends a queued message, keeps the message id and cost, and settles it by its delivery report once', async () => {
    await inspect();
    expect(await send()).toBe(1);
    const sent = await SmsMessage.findOne().lean();
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, statusCode: 101, costCents: 80, cost: 'KES 0.8000' });
    expect(fake.sent).toHaveLength(1);
    expect(sent?.providerMessageId).toBe(fake.sent[0].messageId);
    expect(fake.sent[0].message).toBe(sent?.text);

    const report = {
      id: fake.sent[0].messageId,
      status: 'Submitted' as const,
      phoneNumber: fake.sent[0].to,
      networkCode: '63902',
    };
    expect(await applyDeliveryReport({ report, now: clock() })).toBe('applied');
    expect(await applyDeliveryReport({ report: { ...report, status: 'Success' }, now: clock() })).toBe('applied');
    expect(await applyDeliveryReport({ report: { ...report, status: 'Success' }, now: clock() })).toBe('repeated');
    expect(await applyDeliveryReport({ report: { ...report, id: 'ATXid_nobody' }, now: clock() })).toBe('unknown-id');
    const delivered = await SmsMessage.findOne().lean();
    expect(delivered?.status).toBe('delivered');
    expect(delivered?.reports.map((heard) => heard.status)).toEqual(['Submitted', 'Success']);
    expect(await send()).toBe(0);
    expect(fake.sent).toHaveLength(1);
  });

  it('records a failed delivery with its reason', async () => {
    await inspect();
    await send();
    await applyDeliveryReport({
      report: { id: fake.sent[0].messageId, status: 'Failed', failureReason: 'UserIsInactive' },
      now: clock(),
    });
    expect(await SmsMessage.findOne().lean()).toMatchObject({ status: 'failed', failureReason: 'UserIsInactive' });
  });

  it('never sends again a message whose answer was lost: it went, and Kiwanda cannot tell', async () => {
    await inspect();
    fake.behaviour.loseAnswers = 1;
    expect(await send()).toBe(1);
    expect(await SmsMessage.findOne().lean()).toMatchObject({ status: 'unknown', attempts: 1 });
    aheadMs = 24 * 3_600_000;
    expect(await send()).toBe(0);
    expect(fake.sent).toHaveLength(1);
  });

  it('never sends again a message whose sender stopped mid-send', async () => {
    await inspect();
    await SmsMessage.updateOne({}, { $set: { status: 'sending', sendingAt: clock() }, $inc: { attempts: 1 } });
    expect(await markStalledSendsUnknown({ now: new Date(Date.now() + 60_000), stalledMs: 120_000 })).toBe(0);
    expect(await markStalledSendsUnknown({ now: new Date(Date.now() + 180_000), stalledMs: 120_000 })).toBe(1);
    expect(await send()).toBe(0);
    expect(await SmsMessage.findOne().lean()).toMatchObject({ status: 'unknown' });
    expect(fake.sent).toHaveLength(0);
  });

  it('tries again later after a send that sent nothing, and rejects an invalid number for good', async () => {
    await inspect();
    fake.behaviour.insufficientBalance = 1;
    await send();
    const waiting = await SmsMessage.findOne().lean();
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting?.lastError).toContain('405');
    expect(await send()).toBe(0);
    aheadMs = RETRY_MS + 1_000;
    expect(await send()).toBe(1);
    expect(await SmsMessage.findOne().lean()).toMatchObject({ status: 'sent', attempts: 2 });

    await SmsMessage.deleteMany({});
    await Job.updateOne({ _id: jobId }, { $set: { status: 'ready_for_qc', passedQuantity: 0 } });
    fake.behaviour.invalidNumbers.add((await Artisan.findById(artisanId).lean())!.phone);
    await inspect();
    await send();
    expect(await SmsMessage.findOne().lean()).toMatchObject({
      status: 'rejected',
      statusCode: 403,
      failureReason: 'Not a valid phone number',
    });
  });

  it('ends a round at a refusal that would refuse the next message too', async () => {
    const inspection = await inspect();
    const other = await Artisan.create(makeArtisan({ workshop: inspection.workshop }));
    await runInTransaction((unit) =>
      queueInspectionMessage({
        unit,
        inspectionId: inspection._id,
        job: { artisan: other._id, workshop: inspection.workshop, product: inspection.job },
        passed: 4,
        failed: 1,
        at: clock(),
      }),
    );
    fake.behaviour.gatewayErrors = 5;
    expect(await send()).toBe(1);
    expect(fake.requests).toHaveLength(1);
    expect(await SmsMessage.countDocuments({ status: 'queued' })).toBe(2);
  });

  it('lets two senders at once send each message exactly once', async () => {
    const inspection = await inspect();
    const others = await Artisan.create(
      Array.from({ length: 5 }, () => makeArtisan({ workshop: inspection.workshop })),
    );
    for (const other of others)
      await runInTransaction((unit) =>
        queueInspectionMessage({
          unit,
          inspectionId: inspection._id,
          job: { artisan: other._id, workshop: inspection.workshop, product: inspection.job },
          passed: 4,
          failed: 1,
          at: clock(),
        }),
      );
    const [first, second] = await Promise.all([send(), send()]);
    expect(first + second).toBe(6);
    expect(fake.sent).toHaveLength(6);
    expect(new Set(fake.sent.map((sms) => sms.to)).size).toBe(6);
    expect(await SmsMessage.countDocuments({ status: 'sent' })).toBe(6);
  });

  it('tells each active artisan of a workshop of the offers in their skills, once per commit', async () => {
    const workshop = await Workshop.create(makeWorkshop({ name: 'Kibera Brass' }));
    const [caster] = await Artisan.create([
      makeArtisan({ workshop: workshop._id, skills: ['brass-casting'] }),
      makeArtisan({ workshop: workshop._id, skills: ['brass-forming'] }),
      makeArtisan({ workshop: workshop._id, skills: ['brass-casting'], status: 'left' }),
    ]);
    const product = await Product.create(makeProduct({ collectionRef: makeCollection()._id, name: 'Jua Hoops' }));
    const jobs = [
      makeJob({
        workshop: workshop._id,
        product: product._id,
        quantity: 40,
        dueDate: new Date('2026-12-18T09:00:00Z'),
      }),
      makeJob({
        workshop: workshop._id,
        product: product._id,
        quantity: 12,
        dueDate: new Date('2026-12-11T09:00:00Z'),
      }),
    ];
    const offer = () => runInTransaction((unit) => queueOfferMessages({ unit, jobs, sourceId: 'plan-1', at: clock() }));
    expect(await offer()).toBe(1);
    expect(await offer()).toBe(0);
    const messages = await SmsMessage.find({ kind: 'offer' }).lean();
    expect(messages.map((message) => String(message.artisan))).toEqual([String(caster._id)]);
    expect(messages[0].text).toBe(
      'Kiwanda: 2 new jobs for Kibera Brass: 12 Jua Hoops (11 Dec), 40 Jua Hoops (18 Dec). Open My jobs to accept.',
    );
  });

  it('sends an unknown message again only when a manager decides so, and never a delivered one', async () => {
    await inspect();
    fake.behaviour.loseAnswers = 1;
    await send();
    const message = (await SmsMessage.findOne().lean())!;
    const messageId = String(message._id);
    await expect(resendMessage({ actor: makeActor('planner'), messageId, now: clock() })).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    expect(await resendMessage({ actor: makeActor('manager'), messageId, now: clock() })).toEqual({
      messageId,
      from: 'unknown',
    });
    expect(await send()).toBe(1);
    expect(fake.sent).toHaveLength(2);
    expect(await SmsMessage.findById(messageId).lean()).toMatchObject({ status: 'sent', attempts: 2 });
    await applyDeliveryReport({ report: { id: fake.sent[1].messageId, status: 'Success' }, now: clock() });
    await expect(resendMessage({ actor: makeActor('manager'), messageId, now: clock() })).rejects.toMatchObject({
      name: 'IllegalTransitionError',
    });
  });
});
