import { type Config } from '../../config';

/** Everything the SMS client and the delivery-report route need, read once at boot from the AT_* settings. */
export interface SmsSettings {
  /** e.g. https://api.africastalking.com (sandbox: https://api.sandbox.africastalking.com). */
  baseUrl: string;
  /** The app's username ("sandbox" in the sandbox). */
  username: string;
  apiKey: string;
  /** The alphanumeric sender id or shortcode; absent, Africa's Talking uses the account's default. */
  senderId?: string;
  /** The path segment delivery reports must come under (Africa's Talking does not sign them). */
  callbackSecret: string;
  /** What to register in the Africa's Talking dashboard as the delivery-report URL, when known. */
  deliveryReportUrl?: string;
}

export type SmsAvailability =
  | { enabled: true; settings: SmsSettings }
  | { enabled: false; /** For the pages: what to set to turn SMS on. */ reason: string };

const REQUIRED = ['AT_BASE_URL', 'AT_USERNAME', 'AT_API_KEY', 'AT_CALLBACK_SECRET'] as const;

/** The path below which delivery reports are accepted (the secret is checked by the router). */
export const SMS_CALLBACK_PREFIX = '/integrations/africas-talking';

/** `{prefix}/{secret}/sms/delivery-reports`: one URL, registered once in the provider's dashboard. */
export function deliveryReportPath(secret: string): string {
  return `${SMS_CALLBACK_PREFIX}/${secret}/sms/delivery-reports`;
}

/** SMS is on only when every Africa's Talking setting it needs is present. */
export function resolveSmsSettings(config: Config): SmsAvailability {
  const missing = REQUIRED.filter((name) => !config[name]);
  if (missing.length > 0) {
    return { enabled: false, reason: `SMS is off: set ${missing.join(', ')} (see .env.example).` };
  }
  const callbackSecret = config.AT_CALLBACK_SECRET!;
  return {
    enabled: true,
    settings: {
      baseUrl: config.AT_BASE_URL!.replace(/\/+$/, ''),
      username: config.AT_USERNAME!,
      apiKey: config.AT_API_KEY!,
      senderId: config.AT_SENDER_ID,
      callbackSecret,
      deliveryReportUrl: config.PUBLIC_BASE_URL
        ? `${config.PUBLIC_BASE_URL}${deliveryReportPath(callbackSecret)}`
        : undefined,
    },
  };
}
