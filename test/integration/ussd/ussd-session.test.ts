import { type Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { ALL_MODELS, Job, PhoneAction, Session, User } from '#server/models/index';
import { transitionJob } from '#server/services/jobs/transition-job';
import { approvePayoutRun } from '#server/services/payouts/approve-payout-run';
import { gatherPayoutRun } from '#server/services/payouts/gather-payout-run';
import { actorFromUser, loadSessionUser } from '#server/services/users/session-user';
import { USSD_CALLBACK_PREFIX } from '#server/ussd/ussd-router';

import { makeActor } from '../../factories/actors';
import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';
import { connectSignedIn, recordEvents, waitFor, type TestSocket } from '../dashboard/socket-client';
import { createUssdNetwork, NUMBERS, USSD_NOW } from './ussd-network';

const SECRET = 'ussd-test-secret-0123456789abcdef';
const SERVICE_CODE = '*384*1234#';

/** Artisans dialling Kiwanda's USSD code, as Africa's Talking relays them: form posts over HTTP. */
describe('USSD sessions end to end', () => {
  let server: RunningKiwanda;
  let network: Awaited<ReturnType<typeof createUssdNetwork>>;
  let plannerSocket: TestSocket;
  let sessions = 0;

  beforeAll(async () => {
    server = await startTestServer({
      clock: { now: () => USSD_NOW },
      env: { USSD_CALLBACK_SECRET: SECRET, USSD_SERVICE_CODE: SERVICE_CODE },
    });
    await clearDomainDatabase();
    const planner = await signIn({ baseUrl: server.url, role: 'planner' });
    plannerSocket = await connectSignedIn({ url: server.url, cookie: planner.cookie });
  });
  beforeEach(async () => {
    // Everything USSD reads starts afresh; the planner's account and session stay, its socket signed in.
    for (const model of ALL_MODELS) if (model !== User && model !== Session) await model.collection.deleteMany({});
    await User.deleteMany({ role: { $ne: 'planner' } });
    network = await createUssdNetwork();
  });
  afterAll(async () => {
    plannerSocket?.disconnect();
    await server?.close();
  });

  /** One session of `phone`: each call sends the choices typed so far, as the provider does. */
  function dial(phone: string) {
    const sessionId = `ATUid_test_${++sessions}`;
    return (text: string) => post({ sessionId, serviceCode: SERVICE_CODE, phoneNumber: phone, text });
  }

  async function post(fields: Record<string, string>, path = `${USSD_CALLBACK_PREFIX}/${SECRET}`) {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', body: new URLSearchParams(fields) });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  }

  it('lists the offers, accepts one, tells the planners, and applies a provider retry once', async () => {
    const toPlanner = recordEvents(plannerSocket, 'job:status');
    const step = dial(NUMBERS.maker);
    const opening = await step('');
    expect(opening).toEqual({
      status: 200,
      type: 'text/plain; charset=utf-8',
      text: 'CON Kiwanda: Achieng Otieno\n1 New offers (2)\n2 My work (2)\n3 My pay',
    });
    expect((await step('1')).text).toBe('CON New offers\n1 12x Jua Hoops KES 6,000\n2 6x Jua Hoops KES 3,000\n00 Back');
    expect((await step('1*1')).text).toBe(
      'CON 12 x Jua Hoops\nPays KES 6,000 (KES 500 each)\nDue 6 Mar\nAbout 12 hours of work\n1 Accept\n2 Decline\n00 Back',
    );

    const accepted = await step('1*1*1');
    expect(accepted.text).toBe('END Offer accepted. Dial again and choose My work to see it.');
    const jobId = String(network.jobs.firstOffer._id);
    const job = await Job.findById(jobId).lean();
    expect(job?.status).toBe('accepted');
    expect(String(job?.artisan)).toBe(String(network.maker._id));
    await waitFor(() => toPlanner.some((event) => event.jobId === jobId && event.to === 'accepted'), {
      what: "the planner's job:status event",
    });

    // The provider lost the answer and sends the same request again: the same answer, nothing applied twice.
    expect(await step('1*1*1')).toEqual(accepted);
    const after = await Job.findById(jobId).lean();
    expect(after?.statusHistory.map((change) => change.to)).toEqual(['offered', 'accepted']);
    expect(await PhoneAction.countDocuments({ 'result.jobId': jobId })).toBe(1);
  });

  it('declines an offer with a reason from the fixed list', async () => {
    const step = dial(NUMBERS.maker);
    expect((await step('1*2*2')).text).toBe(
      'CON Why decline?\n1 No time this week\n2 No materials\n3 Not our skill\n4 Pay is too low\n5 I will be away\n00 Back',
    );
    expect((await step('1*2*2*4')).text).toBe('END Offer declined. Thank you for telling us why.');
    const job = await Job.findById(network.jobs.secondOffer._id).lean();
    expect(job?.status).toBe('declined');
    expect(job?.statusHistory.at(-1)).toMatchObject({ to: 'declined', note: 'rate-too-low' });
  });

  it('marks a job in hand ready for inspection, and offers nothing for one already waiting', async () => {
    const step = dial(NUMBERS.maker);
    expect((await step('2')).text).toBe('CON My work\n1 4x Jua Hoops 6 Mar\n2 3x Jua Hoops 6 Mar\n00 Back');
    expect((await step('2*2')).text).toBe('CON 3 x Jua Hoops: waiting for inspection\n0 of 3 made\nDue 6 Mar\n00 Back');
    expect((await step('2*1')).text).toBe(
      'CON 4 x Jua Hoops: making\n1 of 4 made\nDue 6 Mar\n1 All made: ready for inspection\n00 Back',
    );
    expect((await step('2*1*1')).text).toBe('END Sent for inspection. A field officer will come to check it.');
    const job = await Job.findById(network.jobs.inHand._id).lean();
    expect(job).toMatchObject({ status: 'ready_for_qc', madeQuantity: 4 });
  });

  it("tells the artisan's pay: paid this month, waiting for inspection, due, and the next payout", async () => {
    expect((await dial(NUMBERS.maker)('3')).text).toBe(
      'CON Paid this month: KES 2,500\nWaiting for inspection: KES 1,500\nDue to you: KES 1,000\nNext payout: in the next payout run\n00 Back',
    );
  });

  it('follows the next payout from its gathering to its sending', async () => {
    const manager = makeActor('manager');
    const run = await gatherPayoutRun({ actor: manager, now: USSD_NOW });
    const nextPayout = async () => (await dial(NUMBERS.maker)('3')).text.split('\n').at(-2);
    expect(await nextPayout()).toBe('Next payout: KES 1,000, waiting for approval');
    await approvePayoutRun({ actor: manager, now: USSD_NOW, runId: String(run._id) });
    expect(await nextPayout()).toBe('Next payout: KES 1,000, being sent by M-Pesa');
  });

  it('answers END with why when the job changed after its screen was shown', async () => {
    const step = dial(NUMBERS.maker);
    await step('1*1');
    const neighbour = await loadSessionUser({ userId: String((await userOf(network.neighbour._id))._id) });
    await transitionJob({
      actor: actorFromUser(neighbour!),
      jobId: String(network.jobs.firstOffer._id),
      to: 'accepted',
    });

    expect((await step('1*1*1')).text).toBe('END Not done: this job is now already accepted.');
    const job = await Job.findById(network.jobs.firstOffer._id).lean();
    expect(String(job?.artisan)).toBe(String(network.neighbour._id));
    // The session's list keeps its numbering: the second offer is still "2", the first says it is gone.
    expect((await step('1')).text).toBe('CON New offers\n1 (gone)\n2 6x Jua Hoops KES 3,000\n00 Back');
    expect((await step('1*1')).text).toBe('END This offer is no longer open (already accepted).');
  });

  it('speaks Kiswahili to an artisan who chose it', async () => {
    expect((await dial(NUMBERS.neighbour)('')).text).toBe(
      'CON Kiwanda: Wanjiru Mwangi\n1 Kazi mpya (2)\n2 Kazi yangu (0)\n3 Malipo yangu',
    );
  });

  it('ends the session of a number that is no artisan account', async () => {
    expect((await dial('+254799999999')('')).text).toMatch(/^END This number is not registered with Kiwanda\./);
    expect((await dial('not a number')('')).text).toMatch(/^END This number is not registered/);
    const noArtisan = 'END This number has no artisan account on Kiwanda. Ask your field officer.';
    expect((await dial(NUMBERS.workshopLine)('')).text).toBe(noArtisan);
    expect((await dial(NUMBERS.noAccount)('')).text).toBe(noArtisan);
    // The maker's number however it is written reaches the maker.
    expect((await dial('0712000001')('')).text).toMatch(/^CON Kiwanda: Achieng Otieno/);
  });

  it('refuses bad requests with a 400 naming the field, and answers only on its secret path', async () => {
    const good = { sessionId: 'ATUid_bad', serviceCode: SERVICE_CODE, phoneNumber: NUMBERS.maker, text: '' };
    const { sessionId: _missing, ...withoutSession } = good;
    expect(await post(withoutSession)).toMatchObject({ status: 400, text: expect.stringMatching(/^sessionId: /) });
    expect(await post({ ...good, text: '1*abc' })).toMatchObject({
      status: 400,
      text: expect.stringMatching(/^text: /),
    });
    const { text: _text, ...withoutText } = good;
    expect(await post(withoutText)).toMatchObject({ status: 400, text: expect.stringMatching(/^text: /) });
    expect(await post({ ...good, serviceCode: '*999#' })).toMatchObject({
      status: 400,
      text: expect.stringMatching(/^serviceCode: /),
    });
    const json = await fetch(`${server.url}${USSD_CALLBACK_PREFIX}/${SECRET}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(good),
    });
    expect(json.status).toBe(415);

    expect((await post(good, `${USSD_CALLBACK_PREFIX}/not-the-secret-0123456789abcdef`)).status).toBe(404);
    const read = await fetch(`${server.url}${USSD_CALLBACK_PREFIX}/${SECRET}?${new URLSearchParams(good)}`);
    expect(read.status).toBe(404);
    expect(await read.text()).not.toMatch(/^(CON|END) /);
    expect((await post(good)).text).toMatch(/^CON Kiwanda: Achieng Otieno/);
  });
});

async function userOf(artisanId: Types.ObjectId) {
  const user = await User.findOne({ artisan: artisanId }).lean();
  if (!user) throw new Error(`no account for artisan ${String(artisanId)}`);
  return user;
}
