import { DECLINE_REASONS } from '../domain/decline-reasons';
import { ussdDay, ussdKes, ussdPlain } from './ussd-format';
import { BACK, MORE, pageCount, USSD_PAGE_SIZE, type UssdAction, type UssdNode } from './ussd-menu';
import { READY_FROM, type UssdListedJob, type UssdView } from './ussd-view';
import { USSD_WORDS, type UssdWords } from './ussd-words';

/** A screen that waits for a choice. */
export const con = (lines: string[]) => `CON ${lines.join('\n')}`;
/** A screen that ends the session. */
export const end = (text: string) => `END ${text}`;

/** Longest product name in a list line, so three lines and the menu fit one screen. */
const LIST_NAME = 14;
const DETAIL_NAME = 28;

function listScreen({
  title,
  empty,
  items,
  page,
  line,
  words,
}: {
  title: string;
  empty: string;
  items: UssdListedJob[];
  page: number;
  line: (item: UssdListedJob, number: number) => string;
  words: UssdWords;
}): string[] {
  if (items.length === 0) return [empty, `${BACK} ${words.back}`];
  const from = page * USSD_PAGE_SIZE;
  const shown = items.slice(from, from + USSD_PAGE_SIZE);
  const pages = pageCount(items.length);
  return [
    pages > 1 ? `${title} ${page + 1}/${pages}` : title,
    ...shown.map((item, offset) => line(item, from + offset + 1)),
    ...(page + 1 < pages ? [`${MORE} ${words.more}`] : []),
    `${BACK} ${words.back}`,
  ];
}

function offerScreen(listed: UssdListedJob, view: UssdView, words: UssdWords): string {
  const { card } = listed;
  if (!card) return end(words.offerGone(words.now[listed.status ?? 'cancelled']));
  return con([
    `${card.quantity} x ${ussdPlain(card.productName, DETAIL_NAME)}`,
    `${words.pays} ${ussdKes(card.payCents)} (${ussdKes(card.pieceRateCents)} ${words.each})`,
    `${words.due} ${ussdDay(card.dueDate, view.language)}`,
    words.hours(Math.round(card.labourMinutes / 60)),
    `1 ${words.accept}`,
    `2 ${words.decline}`,
    `${BACK} ${words.back}`,
  ]);
}

function jobScreen(listed: UssdListedJob, view: UssdView, words: UssdWords): string {
  const { card } = listed;
  if (!card) return end(words.jobGone(words.now[listed.status ?? 'cancelled']));
  return con([
    `${card.quantity} x ${ussdPlain(card.productName, DETAIL_NAME)}: ${words.status[card.status]}`,
    words.madeOf(card.madeQuantity, card.quantity),
    ...(card.status === 'failed' ? [words.rework(card.failedQuantity)] : []),
    `${words.due} ${ussdDay(card.dueDate, view.language)}`,
    ...(READY_FROM.includes(card.status) ? [`1 ${words.markReady}`] : []),
    `${BACK} ${words.back}`,
  ]);
}

function payScreen(view: UssdView, words: UssdWords): string {
  const { pay } = view;
  const next = pay.nextPayout
    ? `${ussdKes(pay.nextPayout.amountCents)}, ${
        pay.nextPayout.state === 'awaiting_approval' ? words.pay.awaitingApproval : words.pay.sending
      }`
    : pay.dueCents > 0
      ? words.pay.nextRun
      : words.pay.nothingDue;
  return con([
    `${words.pay.paidThisMonth}: ${ussdKes(pay.paidThisMonthCents)}`,
    `${words.pay.waiting}: ${ussdKes(pay.waitingCents)}`,
    `${words.pay.due}: ${ussdKes(pay.dueCents)}`,
    `${words.pay.next}: ${next}`,
    `${BACK} ${words.back}`,
  ]);
}

/** The text of the screen at `node`, in the artisan's language, beginning CON or END. */
export function renderUssdScreen({
  node,
  invalid,
  view,
}: {
  node: UssdNode;
  invalid: boolean;
  view: UssdView;
}): string {
  const words = USSD_WORDS[view.language];
  const screen = ((): string => {
    switch (node.at) {
      case 'main':
        return con([
          ussdPlain(words.hello(view.name), 40),
          `1 ${words.menu.offers} (${view.offers.filter((item) => item.card).length})`,
          `2 ${words.menu.work} (${view.work.filter((item) => item.card).length})`,
          `3 ${words.menu.pay}`,
        ]);
      case 'offers':
        return con(
          listScreen({
            title: words.offersTitle,
            empty: words.noOffers,
            items: view.offers,
            page: node.page,
            words,
            line: ({ card }, number) =>
              card
                ? `${number} ${card.quantity}x ${ussdPlain(card.productName, LIST_NAME)} ${ussdKes(card.payCents)}`
                : `${number} (${words.gone})`,
          }),
        );
      case 'offer':
        return offerScreen(view.offers[node.index], view, words);
      case 'decline':
        return con([
          words.declineWhy,
          ...DECLINE_REASONS.map((reason, index) => `${index + 1} ${words.declineReasons[reason]}`),
          `${BACK} ${words.back}`,
        ]);
      case 'work':
        return con(
          listScreen({
            title: words.workTitle,
            empty: words.noWork,
            items: view.work,
            page: node.page,
            words,
            line: ({ card }, number) =>
              card
                ? `${number} ${card.quantity}x ${ussdPlain(card.productName, LIST_NAME)} ${ussdDay(card.dueDate, view.language)}`
                : `${number} (${words.gone})`,
          }),
        );
      case 'job':
        return jobScreen(view.work[node.index], view, words);
      case 'pay':
        return payScreen(view, words);
    }
  })();
  // Only a waiting screen can say the last choice was not understood and take another.
  return invalid && screen.startsWith('CON ') ? `CON ${words.invalid}\n${screen.slice(4)}` : screen;
}

/** The END screen of an action Kiwanda applied (or had applied before, for a provider's retry). */
export function renderActionDone({ action, words }: { action: UssdAction; words: UssdWords }): string {
  return end(words.done[action.kind]);
}
