/**
 * An id for one action, made on the phone when the person taps: the server applies each id once,
 * so a resend (a lost answer, the offline queue replaying) never does the work twice.
 * getRandomValues, unlike randomUUID, also works on a page served over plain http.
 */
export function newActionId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
