/**
 * The providers' callbacks (M-Pesa results, USSD sessions, SMS delivery reports) live under
 * `/integrations/<provider>/<secret>/…`, and the unguessable secret is their only proof of origin:
 * written into a request log line, anyone who reads the logs could post fake results. Request
 * logs carry the path with the secret replaced.
 */
export function redactCallbackSecret(url: string): string {
  return url.replace(/^(\/integrations\/[^/?#]+\/)[^/?#]+/, '$1[secret]');
}
