import { type Actor } from '../domain/actor';
import { DomainError, ForbiddenError, IllegalTransitionError, NotFoundError } from '../domain/errors';
import { type JobStatus, JOB_STATUSES } from '../domain/job-status';
import { applyPhoneAction } from '../services/phone-actions/apply-phone-action';
import { actorFromUser } from '../services/users/session-user';
import { findUssdCaller } from './find-ussd-caller';
import { readUssdView } from './read-ussd-view';
import { ussdActionId } from './ussd-action-id';
import { type UssdAction, walkUssdMenu } from './ussd-menu';
import { choicesOfText, type UssdRequest } from './ussd-request';
import { end, renderActionDone, renderUssdScreen } from './ussd-screens';
import { type UssdView } from './ussd-view';
import { UNKNOWN_NUMBER_TEXT, USSD_WORDS, type UssdWords } from './ussd-words';

/** Why a service refused a USSD action, in the artisan's words: the job moved on, or is someone else's. */
function refusal(error: DomainError, words: UssdWords): string {
  if (error instanceof IllegalTransitionError && (JOB_STATUSES as readonly string[]).includes(error.from))
    return end(words.refused.changed(words.now[error.from as JobStatus]));
  if (error instanceof ForbiddenError) return end(words.refused.taken);
  if (error instanceof NotFoundError) return end(words.refused.missing);
  return end(words.refused.other);
}

async function act({
  actor,
  action,
  actionId,
  words,
  now,
}: {
  actor: Actor;
  action: UssdAction;
  actionId: string;
  words: UssdWords;
  now: Date;
}): Promise<string> {
  try {
    // The phone pages' own path: the same services, permission checks and exactly-once record.
    await applyPhoneAction({ actor, actionId, action, now });
    return renderActionDone({ action, words });
  } catch (error) {
    if (error instanceof DomainError) return refusal(error, words);
    throw error;
  }
}

/**
 * Answers one step of a USSD session: who is calling, where their choices lead, and either the
 * next screen or the action those choices ask for, applied once. Always a text beginning CON or
 * END; bad input never reaches here (the router answers it with a 400).
 */
export async function answerUssd({ request, now }: { request: UssdRequest; now: Date }): Promise<string> {
  const caller = await findUssdCaller({ phoneNumber: request.phoneNumber });
  if (caller.kind === 'unknown') return end(UNKNOWN_NUMBER_TEXT);
  if (caller.kind === 'not-artisan') return end(USSD_WORDS[caller.user?.language ?? 'en'].notArtisan);

  const { user } = caller;
  const actor = actorFromUser(user);
  const words = USSD_WORDS[user.language];
  const choices = choicesOfText(request.text);
  let view: UssdView;
  try {
    view = await readUssdView({ actor, name: user.name, language: user.language, sessionId: request.sessionId, now });
  } catch (error) {
    // An artisan account without a workshop, or a session id first used by another number.
    if (error instanceof DomainError) return end(error instanceof ForbiddenError ? words.notArtisan : words.failed);
    throw error;
  }
  const step = walkUssdMenu({ choices, view });
  if (step.kind === 'show') return renderUssdScreen({ node: step.node, invalid: step.invalid, view });
  const actionId = ussdActionId({ sessionId: request.sessionId, choices: choices.slice(0, step.consumed) });
  return act({ actor, action: step.action, actionId, words, now });
}
