import { type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { ConfigError, type Config } from '../../config';
import { publicKeyOfCertificate } from './security-credential';

/** Everything the Daraja client needs, read once at boot from the MPESA_* settings. */
export interface DarajaSettings {
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  shortcode: string;
  initiatorName: string;
  initiatorPassword: string;
  publicKey: KeyObject;
  /** `{PUBLIC_BASE_URL}/integrations/mpesa/{secret}`: result and timeout URLs hang below it. */
  callbackBaseUrl: string;
  callbackSecret: string;
}

export type DarajaAvailability =
  | { enabled: true; settings: DarajaSettings }
  | { enabled: false; /** For the pages: what to set to turn payouts on. */ reason: string };

const REQUIRED = [
  'MPESA_BASE_URL',
  'MPESA_CONSUMER_KEY',
  'MPESA_CONSUMER_SECRET',
  'MPESA_SHORTCODE',
  'MPESA_INITIATOR_NAME',
  'MPESA_INITIATOR_PASSWORD',
  'MPESA_CERTIFICATE_PATH',
  'MPESA_CALLBACK_SECRET',
  'PUBLIC_BASE_URL',
] as const;

/** The path below which Daraja's callbacks are accepted (the secret is checked by the router). */
export const MPESA_CALLBACK_PREFIX = '/integrations/mpesa';

/**
 * Payouts are on only when every M-Pesa setting is present. A certificate that cannot be read is
 * a wrong setting and stops boot, naming the variable, like any other wrong setting.
 */
export function resolveDarajaSettings(config: Config): DarajaAvailability {
  const missing = REQUIRED.filter((name) => !config[name]);
  if (missing.length > 0) {
    return { enabled: false, reason: `M-Pesa payouts are off: set ${missing.join(', ')} (see .env.example).` };
  }
  let publicKey: KeyObject;
  try {
    publicKey = publicKeyOfCertificate(readFileSync(config.MPESA_CERTIFICATE_PATH!, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\n  MPESA_CERTIFICATE_PATH: cannot read a certificate from ${config.MPESA_CERTIFICATE_PATH} (${(error as Error).message})`,
    );
  }
  return {
    enabled: true,
    settings: {
      baseUrl: config.MPESA_BASE_URL!.replace(/\/+$/, ''),
      consumerKey: config.MPESA_CONSUMER_KEY!,
      consumerSecret: config.MPESA_CONSUMER_SECRET!,
      shortcode: config.MPESA_SHORTCODE!,
      initiatorName: config.MPESA_INITIATOR_NAME!,
      initiatorPassword: config.MPESA_INITIATOR_PASSWORD!,
      publicKey,
      callbackBaseUrl: `${config.PUBLIC_BASE_URL}${MPESA_CALLBACK_PREFIX}/${config.MPESA_CALLBACK_SECRET}`,
      callbackSecret: config.MPESA_CALLBACK_SECRET!,
    },
  };
}
