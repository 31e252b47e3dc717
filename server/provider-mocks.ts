import { type Config } from './config';
import { deliveryReportPath } from './integrations/africas-talking/sms-settings';
import { type Logger } from './logger';

/** Fixed, because nothing real is behind them: the mocks' callbacks come from this process. */
const MOCK_MPESA_CALLBACK_SECRET = 'kiwanda-mocks-mpesa-callbacks-0000';
const MOCK_SMS_CALLBACK_SECRET = 'kiwanda-mocks-sms-delivery-0000000';
/** How long after a send the mock network reports the SMS delivered. */
const MOCK_DELIVERY_DELAY_MS = 1_500;

export interface ProviderMocks {
  /** The settings with both providers pointed at the mocks. */
  config: Config;
  close(): void;
}

/**
 * `MOCKS=true` (development, demos; config.ts refuses it with NODE_ENV=production): M-Pesa
 * (Daraja) and Africa's Talking SMS are answered inside this process by the MSW handlers of
 * test/mocks/ — the same ones the tests use — and their settings are filled in, so payouts and
 * SMS work end to end with no credentials. Daraja's results and SMS delivery reports are posted
 * back to this server at `ownUrl` (or PUBLIC_BASE_URL), as the providers would; any other
 * request (this server's own, other hosts) passes through MSW untouched.
 * NOTE: imported lazily by the boot, so msw (a dev dependency) and test/ stay out of production.
 */
export async function installProviderMocks({
  config,
  logger,
  ownUrl,
}: {
  config: Config;
  logger: Logger;
  ownUrl: string;
}): Promise<ProviderMocks> {
  const [{ setupServer }, daraja, fakeDaraja, africasTalking] = await Promise.all([
    import('msw/node'),
    import('../test/mocks/daraja'),
    import('../test/mocks/fake-daraja'),
    import('../test/mocks/africas-talking'),
  ]);
  const publicBaseUrl = config.PUBLIC_BASE_URL ?? ownUrl;
  const mocked: Config = {
    ...config,
    PUBLIC_BASE_URL: publicBaseUrl,
    MPESA_BASE_URL: 'https://sandbox.safaricom.co.ke',
    MPESA_CONSUMER_KEY: fakeDaraja.FAKE_DARAJA_CREDENTIALS.consumerKey,
    MPESA_CONSUMER_SECRET: fakeDaraja.FAKE_DARAJA_CREDENTIALS.consumerSecret,
    MPESA_SHORTCODE: fakeDaraja.FAKE_DARAJA_CREDENTIALS.shortcode,
    MPESA_INITIATOR_NAME: fakeDaraja.FAKE_DARAJA_CREDENTIALS.initiatorName,
    MPESA_INITIATOR_PASSWORD: fakeDaraja.FAKE_DARAJA_CREDENTIALS.initiatorPassword,
    MPESA_CERTIFICATE_PATH: fakeDaraja.DARAJA_TEST_CERTIFICATE_PATH,
    MPESA_CALLBACK_SECRET: MOCK_MPESA_CALLBACK_SECRET,
    AT_BASE_URL: africasTalking.FAKE_AT_BASE_URL,
    AT_USERNAME: africasTalking.FAKE_AT_CREDENTIALS.username,
    AT_API_KEY: africasTalking.FAKE_AT_CREDENTIALS.apiKey,
    AT_CALLBACK_SECRET: MOCK_SMS_CALLBACK_SECRET,
  };
  const sms = africasTalking.createFakeAfricasTalking({
    deliveryReportUrl: `${publicBaseUrl}${deliveryReportPath(MOCK_SMS_CALLBACK_SECRET)}`,
    deliveryDelayMs: MOCK_DELIVERY_DELAY_MS,
  });
  // Every SMS sent reaches the handset, as far as the mock network knows.
  sms.behaviour.report = sms.delivered;
  const server = setupServer(
    ...daraja.darajaHandlers(fakeDaraja.createFakeDaraja()),
    ...africasTalking.africasTalkingHandlers(sms),
  );
  server.listen({ onUnhandledRequest: 'bypass' });
  logger.warn(
    { publicBaseUrl },
    'MOCKS=true: M-Pesa payouts and Africa’s Talking SMS are answered by the mocks of test/mocks, not the providers',
  );
  return { config: mocked, close: () => server.close() };
}
