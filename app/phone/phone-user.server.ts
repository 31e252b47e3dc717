import { randomBytes } from 'node:crypto';

import { redirect } from '@remix-run/node';
import { z } from 'zod';

import { type Actor } from '#server/domain/actor';
import { LANGUAGES, type Language } from '#server/domain/languages';
import { type Area } from '#server/domain/roles';

import { requireRole } from '../auth.server';
import { type RequestArgs } from '../load-context';
import { answerDomainErrors, parseForm, runAction } from '../route-input.server';
import { safeRedirectPath } from '../session.server';

export interface PhoneUser {
  actor: Actor;
  language: Language;
  name: string;
  /** What every phone page hands its shell (app/phone/phone-shell.tsx). */
  page: PhonePage;
}

export interface PhonePage {
  /** Whose action queue the page runs: a phone sends and shows only this account's actions. */
  userId: string;
  /**
   * When the server read the page's data. A page the service worker serves from its copy shows
   * data as of this moment, and says so until fresh data replaces it.
   */
  savedAt: string;
}

/** The signed-in person of a phone page's area, with the actor services need and their language. */
export async function requirePhoneUser(args: RequestArgs, area: Area): Promise<PhoneUser> {
  const user = await requireRole(args, area);
  return {
    actor: args.context.accounts.actorFromUser(user),
    language: user.language,
    name: user.name,
    page: { userId: user.id, savedAt: args.context.clock.now().toISOString() },
  };
}

/**
 * A fresh prefix for the action ids a page renders into its forms. A page without JavaScript
 * posts that id; the browser sending the same form again (a refresh, a retry) sends the same id,
 * and the server applies it once. With JavaScript the phone makes its own id at each tap.
 */
export function newFormNonce(): string {
  return randomBytes(8).toString('hex');
}

const LanguageForm = z.object({ language: z.enum(LANGUAGES), redirectTo: z.string().startsWith('/').optional() });

/** The language switch every phone page carries: keeps the choice on the account and comes back. */
export async function chooseLanguageAction(args: RequestArgs & { request: Request }) {
  const user = await requireRole(args, ['artisan', 'field_officer', 'manager', 'admin']);
  const form = await answerDomainErrors(() => parseForm(args.request, LanguageForm));
  await args.context.phone.chooseLanguage({ userId: user.id, language: form.language });
  // Only a path on this site: never an open redirect.
  return redirect(safeRedirectPath(form.redirectTo));
}

/** Text fields of a posted phone action, each as typed: the service validates them. */
const PhoneActionFields = z.record(z.string(), z.string());

/**
 * Applies a posted phone action once per id (the form's id, or one made here when the form came
 * without), answering `{ ok, kind, status, replayed }` or the refusal naming the field.
 */
export async function answerPhoneAction(
  args: RequestArgs & { request: Request },
  { actor, photo, extra = {} }: { actor: Actor; photo?: Buffer; extra?: Record<string, unknown> },
) {
  return runAction(async () => {
    const { actionId, ...fields } = await parseForm(args.request, PhoneActionFields);
    const applied = await args.context.phone.applyPhoneAction({
      actor,
      actionId: actionId ?? `srv-${newFormNonce()}${newFormNonce()}`,
      action: { ...fields, ...extra },
      photo,
    });
    return { kind: fields.kind ?? '', ...applied };
  });
}
