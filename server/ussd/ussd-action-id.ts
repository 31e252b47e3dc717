import { createHash } from 'node:crypto';

/**
 * The phone-action id of a USSD choice: the provider's session and the choices that led to the
 * action. A provider that sends the same request again (its answer was lost) makes the same id,
 * so the action is applied once and the retry answers the first result. Hashed because session
 * ids are the provider's and may hold characters an action id may not (phone-action-input.ts).
 */
export function ussdActionId({ sessionId, choices }: { sessionId: string; choices: readonly string[] }): string {
  const digest = createHash('sha256')
    .update(`${sessionId}\n${choices.join('*')}`)
    .digest('base64url');
  return `ussd-${digest}`;
}
