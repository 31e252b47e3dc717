import { describe, expect, it } from 'vitest';

import { type JobStatus } from '../domain/job-status';
import { normaliseKenyanMobile } from '../domain/kenyan-mobile';
import { type Language } from '../domain/languages';
import { type ArtisanJobCard } from '../services/jobs/read-artisan-jobs';
import { ussdActionId } from './ussd-action-id';
import { ussdKes, USSD_SCREEN_LIMIT } from './ussd-format';
import { walkUssdMenu, type UssdNode } from './ussd-menu';
import { renderUssdScreen } from './ussd-screens';
import { type UssdListedJob, type UssdView } from './ussd-view';

let sequence = 0;
function card(overrides: Partial<ArtisanJobCard> = {}): ArtisanJobCard {
  const n = ++sequence;
  return {
    id: `job${String(n).padStart(21, '0')}`,
    productName: `Jua Hoops ${n}`,
    quantity: 12,
    awaiting: 12,
    madeQuantity: 0,
    passedQuantity: 0,
    failedQuantity: 0,
    week: '2026-W10',
    dueDate: new Date('2026-03-06T14:00:00Z'),
    pieceRateCents: 100_050,
    payCents: 1_200_600,
    labourMinutes: 720,
    status: 'offered',
    artisanId: null,
    artisanName: null,
    ...overrides,
  };
}
const listed = (job: ArtisanJobCard): UssdListedJob => ({ id: job.id, card: job, status: job.status });
const gone = (status: JobStatus): UssdListedJob => ({ id: `gone${++sequence}`, card: null, status });

function view(overrides: Partial<UssdView> = {}): UssdView {
  return {
    name: 'Achieng Otieno',
    language: 'en',
    offers: [listed(card()), listed(card())],
    work: [listed(card({ status: 'in_progress', madeQuantity: 5 })), listed(card({ status: 'ready_for_qc' }))],
    pay: { paidThisMonthCents: 2_500_000, waitingCents: 120_000, dueCents: 60_000, nextPayout: null },
    ...overrides,
  };
}

const screen = (text: string, data = view()) => {
  const step = walkUssdMenu({ choices: text === '' ? [] : text.split('*'), view: data });
  if (step.kind !== 'show') throw new Error(`expected a screen, got ${JSON.stringify(step)}`);
  return renderUssdScreen({ node: step.node, invalid: step.invalid, view: data });
};

describe('the USSD menu', () => {
  it('opens on the main menu with the counts of offers and work in hand', () => {
    expect(screen('')).toBe('CON Kiwanda: Achieng Otieno\n1 New offers (2)\n2 My work (2)\n3 My pay');
  });

  it('lists offers, shows one, and asks for a reason before declining', () => {
    const data = view();
    const first = data.offers[0].card!;
    expect(screen('1', data)).toBe(
      `CON New offers\n1 12x ${first.productName} KES 12,006\n2 12x ${data.offers[1].card!.productName} KES 12,006\n00 Back`,
    );
    expect(screen('1*1', data)).toBe(
      `CON 12 x ${first.productName}\nPays KES 12,006 (KES 1,000.50 each)\nDue 6 Mar\nAbout 12 hours of work\n1 Accept\n2 Decline\n00 Back`,
    );
    expect(screen('1*1*2', data)).toMatch(/^CON Why decline\?\n1 No time this week\n/);
  });

  it('turns the choices that finish an action into that action, counting the choices it took', () => {
    const data = view();
    expect(walkUssdMenu({ choices: ['1', '2', '1'], view: data })).toEqual({
      kind: 'act',
      action: { kind: 'accept', jobId: data.offers[1].id },
      consumed: 3,
    });
    expect(walkUssdMenu({ choices: ['1', '1', '2', '4'], view: data })).toEqual({
      kind: 'act',
      action: { kind: 'decline', jobId: data.offers[0].id, reason: 'rate-too-low' },
      consumed: 4,
    });
    expect(walkUssdMenu({ choices: ['2', '1', '1'], view: data })).toEqual({
      kind: 'act',
      action: { kind: 'ready', jobId: data.work[0].id },
      consumed: 3,
    });
  });

  it('offers "ready" only for work the artisan can still mark ready', () => {
    const data = view();
    expect(screen('2*1', data)).toContain('\n1 All made: ready for inspection\n');
    expect(screen('2*2', data)).not.toContain('1 All made');
    expect(screen('2*2*1', data)).toMatch(/^CON Invalid choice\.\n12 x .*: waiting for inspection/);
  });

  it('pages long lists with 0 and goes back with 00, a page or a screen at a time', () => {
    const data = view({ offers: Array.from({ length: 7 }, () => listed(card())) });
    expect(screen('1', data)).toMatch(/^CON New offers 1\/3\n1 .*\n2 .*\n3 .*\n0 More\n00 Back$/);
    expect(screen('1*0', data)).toMatch(/^CON New offers 2\/3\n4 .*\n5 .*\n6 .*\n0 More\n00 Back$/);
    expect(screen('1*0*0', data)).toMatch(/^CON New offers 3\/3\n7 .*\n00 Back$/);
    expect(screen('1*0*0*0', data)).toMatch(/^CON Invalid choice\.\nNew offers 3\/3/);
    expect(screen('1*0*00', data)).toBe(screen('1', data));
    expect(screen('1*00', data)).toBe(screen('', data));
    expect(screen('1*5*00', data)).toBe(screen('1', data));
    expect(screen('00*00', data)).toBe(screen('', data));
    expect(walkUssdMenu({ choices: ['1', '0', '5', '1'], view: data })).toMatchObject({
      action: { kind: 'accept', jobId: data.offers[4].id },
    });
  });

  it('says a choice was not understood and keeps the screen', () => {
    expect(screen('9')).toBe(`CON Invalid choice.\n${screen('').slice(4)}`);
    expect(screen('1*x')).toMatch(/^CON Invalid choice\.\nNew offers/);
    expect(screen('9*1')).toMatch(/^CON New offers/);
  });

  it('ends with why when an item of the session left its list', () => {
    const data = view({ offers: [gone('accepted')], work: [gone('cancelled')] });
    expect(screen('', data)).toContain('1 New offers (0)\n2 My work (0)');
    expect(screen('1', data)).toContain('\n1 (gone)\n');
    expect(screen('1*1', data)).toBe('END This offer is no longer open (already accepted).');
    expect(screen('2*1', data)).toBe('END This job is no longer in your work (cancelled).');
    // The screen was shown before it changed: the choice goes to the service, which says why.
    expect(walkUssdMenu({ choices: ['1', '1', '1'], view: data })).toMatchObject({ kind: 'act' });
  });

  it('tells the pay: paid this month, waiting, due and the next payout', () => {
    expect(screen('3')).toBe(
      'CON Paid this month: KES 25,000\nWaiting for inspection: KES 1,200\nDue to you: KES 600\nNext payout: in the next payout run\n00 Back',
    );
    const sending = view({
      pay: {
        paidThisMonthCents: 0,
        waitingCents: 0,
        dueCents: 60_000,
        nextPayout: { amountCents: 60_000, state: 'sending' },
      },
    });
    expect(screen('3', sending)).toContain('Next payout: KES 600, being sent by M-Pesa');
    const nothing = view({ pay: { paidThisMonthCents: 0, waitingCents: 0, dueCents: 0, nextPayout: null } });
    expect(screen('3', nothing)).toContain('Next payout: nothing due yet');
  });

  it('speaks Kiswahili to those who chose it', () => {
    expect(screen('', view({ language: 'sw' }))).toBe(
      'CON Kiwanda: Achieng Otieno\n1 Kazi mpya (2)\n2 Kazi yangu (2)\n3 Malipo yangu',
    );
    expect(screen('1*1', view({ language: 'sw' }))).toContain('\n1 Kubali\n2 Kataa\n00 Rudi');
  });

  it('keeps every screen within 182 plain characters, whatever the names', () => {
    const long = 'Beaded Maasai Collar with Hand-Hammered Brass Pendant — ÉDITION spéciale';
    const many = (status: JobStatus) =>
      Array.from({ length: 5 }, () =>
        listed(card({ productName: long, status, quantity: 1200, payCents: 999_999_999, failedQuantity: 999 })),
      );
    const nodes: UssdNode[] = [
      { at: 'main' },
      { at: 'offers', page: 0 },
      { at: 'offers', page: 1 },
      { at: 'offer', index: 0 },
      { at: 'decline', index: 0 },
      { at: 'work', page: 0 },
      { at: 'job', index: 0 },
      { at: 'pay' },
    ];
    for (const language of ['en', 'sw'] as Language[]) {
      const data = view({
        language,
        name: 'Wanjiku Nyambura Kamau-Otieno wa Kibera Mashariki',
        offers: many('offered'),
        work: many('failed'),
        pay: {
          paidThisMonthCents: 99_999_999,
          waitingCents: 99_999_999,
          dueCents: 99_999_999,
          nextPayout: { amountCents: 99_999_999, state: 'awaiting_approval' },
        },
      });
      for (const node of nodes) {
        for (const invalid of [false, true]) {
          const text = renderUssdScreen({ node, invalid, view: data });
          expect(text.length, `${language} ${node.at}: ${text}`).toBeLessThanOrEqual(USSD_SCREEN_LIMIT);
          expect(text).toMatch(/^(CON|END) [\x20-\x7E\n]+$/);
        }
      }
    }
  });
});

describe('USSD helpers', () => {
  it('writes money in plain ASCII', () => {
    expect(ussdKes(0)).toBe('KES 0');
    expect(ussdKes(1_611_375)).toBe('KES 16,113.75');
    expect(ussdKes(3_551_800)).toBe('KES 35,518');
  });

  it('derives one action id per session and choices, fit for the phone-action record', () => {
    const id = ussdActionId({ sessionId: 'ATUid_a1+b/c=', choices: ['1', '1', '1'] });
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(ussdActionId({ sessionId: 'ATUid_a1+b/c=', choices: ['1', '1', '1'] })).toBe(id);
    expect(ussdActionId({ sessionId: 'ATUid_a1+b/c=', choices: ['1', '2', '1'] })).not.toBe(id);
    expect(ussdActionId({ sessionId: 'ATUid_other', choices: ['1', '1', '1'] })).not.toBe(id);
  });

  it('reads Kenyan mobile numbers however they are written', () => {
    for (const written of [
      '+254712345678',
      '254712345678',
      '0712345678',
      '712345678',
      '0712 345 678',
      '+254-712-345-678',
    ])
      expect(normaliseKenyanMobile(written), written).toBe('+254712345678');
    expect(normaliseKenyanMobile('0110345678')).toBe('+254110345678');
    for (const wrong of ['', '12345', '+255712345678', '0812345678', '07123456789', 'abc'])
      expect(normaliseKenyanMobile(wrong), wrong).toBeNull();
  });
});
