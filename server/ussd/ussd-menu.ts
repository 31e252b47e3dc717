import { DECLINE_REASONS, type DeclineReason } from '../domain/decline-reasons';
import { READY_FROM, type UssdView } from './ussd-view';

/** Items a list screen shows at once: three lines of about 40 characters fit a screen with its menu. */
export const USSD_PAGE_SIZE = 3;
/** Typed on a long list: the next items. */
export const MORE = '0';
/** Typed anywhere: the screen before. */
export const BACK = '00';

/** Where in the menu a session stands. Lists page; an item is its index in the session's list. */
export type UssdNode =
  | { at: 'main' }
  | { at: 'offers'; page: number }
  | { at: 'offer'; index: number }
  | { at: 'decline'; index: number }
  | { at: 'work'; page: number }
  | { at: 'job'; index: number }
  | { at: 'pay' };

/** What a choice asks Kiwanda to do, in the phone actions' own shape (services/phone-actions). */
export type UssdAction =
  | { kind: 'accept'; jobId: string }
  | { kind: 'decline'; jobId: string; reason: DeclineReason }
  | { kind: 'ready'; jobId: string };

export type UssdStep =
  | { kind: 'show'; node: UssdNode; invalid: boolean }
  /** `consumed` choices led to it: the same session and path is the same action (ussd-action-id.ts). */
  | { kind: 'act'; action: UssdAction; consumed: number };

/** Pages of a list of `count` items (at least one, so an empty list still has a screen). */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / USSD_PAGE_SIZE));
}

/** The screen a numbered choice leads to from `node`, the action it asks for, or null when it means nothing there. */
function choose(node: UssdNode, choice: number, view: UssdView): UssdNode | UssdAction | null {
  switch (node.at) {
    case 'main':
      if (choice === 1) return { at: 'offers', page: 0 };
      if (choice === 2) return { at: 'work', page: 0 };
      if (choice === 3) return { at: 'pay' };
      return null;
    case 'offers':
      return choice >= 1 && choice <= view.offers.length ? { at: 'offer', index: choice - 1 } : null;
    case 'work':
      return choice >= 1 && choice <= view.work.length ? { at: 'job', index: choice - 1 } : null;
    // An offer or job that changed after its screen was shown still takes the choice: the service
    // then refuses it and the artisan hears why, instead of a menu that silently moved on.
    case 'offer':
      if (choice === 1) return { kind: 'accept', jobId: view.offers[node.index].id };
      if (choice === 2) return { at: 'decline', index: node.index };
      return null;
    case 'decline': {
      const reason = DECLINE_REASONS[choice - 1];
      return reason ? { kind: 'decline', jobId: view.offers[node.index].id, reason } : null;
    }
    case 'job': {
      const listed = view.work[node.index];
      const shownReady = listed.card === null || READY_FROM.includes(listed.card.status);
      return choice === 1 && shownReady ? { kind: 'ready', jobId: listed.id } : null;
    }
    case 'pay':
      return null;
  }
}

/**
 * Follows the choices of a session (the provider's `text`, split on `*`) from the main menu:
 * numbers choose, "0" shows more of a list, "00" goes back a screen. A choice that means nothing
 * where it was typed leaves the session where it was, saying so. Pure: the same choices and view
 * give the same step, which is what lets a provider's retry be recognised.
 */
export function walkUssdMenu({ choices, view }: { choices: readonly string[]; view: UssdView }): UssdStep {
  const stack: UssdNode[] = [{ at: 'main' }];
  let invalid = false;
  for (const [position, typed] of choices.entries()) {
    const top = stack[stack.length - 1];
    const input = typed.trim();
    invalid = false;
    if (input === BACK) {
      if ((top.at === 'offers' || top.at === 'work') && top.page > 0)
        stack[stack.length - 1] = { ...top, page: top.page - 1 };
      else if (stack.length > 1) stack.pop();
      continue;
    }
    if (input === MORE) {
      const count = top.at === 'offers' ? view.offers.length : top.at === 'work' ? view.work.length : 0;
      if ((top.at === 'offers' || top.at === 'work') && top.page + 1 < pageCount(count))
        stack[stack.length - 1] = { ...top, page: top.page + 1 };
      else invalid = true;
      continue;
    }
    const next = /^\d{1,3}$/.test(input) ? choose(top, Number(input), view) : null;
    if (next === null) invalid = true;
    else if ('kind' in next) return { kind: 'act', action: next, consumed: position + 1 };
    else stack.push(next);
  }
  return { kind: 'show', node: stack[stack.length - 1], invalid };
}
