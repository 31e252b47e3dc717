import { ProblemValidationError } from '../optimizer';
import { OPENAPI_DOCUMENT } from './api/openapi-document';
import { readSignedInUser } from './auth/kept-session-users';
import { type SessionCookies } from './auth/session-storage';
import { createSignInThrottle } from './auth/sign-in-throttle';
import { cancelAbsence, declareAbsence, listArtisanAbsences } from './capacity/index';
import { checkCapacity } from './capacity-check/check-capacity';
import { CheckForm, listCheckableProducts, questionOfForm, rowsOfForm } from './capacity-check/check-form';
import { launchCapacityHold } from './capacity-check/launch-capacity-hold';
import { placeCapacityHold } from './capacity-check/place-capacity-hold';
import { releaseCapacityHold } from './capacity-check/release-capacity-hold';
import { summariseActiveHolds } from './capacity-check/summarise-holds';
import { type Config } from './config';
import { listOrderPartners, listOrders } from './dashboard/list-orders';
import { listRecentEvents } from './dashboard/list-recent-events';
import { listWorkshops, WorkshopListQuery } from './dashboard/list-workshops';
import { OrderListQuery } from './dashboard/order-list-query';
import { OverviewQuery } from './dashboard/overview-query';
import { JobsBoardQuery, readJobsBoard } from './dashboard/read-jobs-board';
import { readOrderDetail } from './dashboard/read-order-detail';
import { readOverview } from './dashboard/read-overview';
import { readWorkshopDetail } from './dashboard/read-workshop-detail';
import { streamOrdersCsv } from './dashboard/stream-orders-csv';
import { weeksAround } from './dashboard/weeks-around';
import { type Actor } from './domain/actor';
import { DomainError } from './domain/errors';
import { PLAN_LEVER_ROLES } from './domain/roles';
import { domainEvents } from './domain-events';
import { ImpactAreaParams, ImpactArtisanParams } from './impact/impact-drill-params';
import { ImpactPeriodQuery, resolveImpactPeriod } from './impact/impact-period';
import { buildImpactTables } from './impact/impact-tables';
import { readImpactReport } from './impact/read-impact-report';
import { readPublicImpact } from './impact/read-public-impact';
import { resolveSmsSettings } from './integrations/africas-talking/sms-settings';
import { resolveDarajaSettings } from './integrations/mpesa/daraja-settings';
import { type Logger } from './logger';
import { commitPlan } from './planning/commit-plan';
import { isProposalStale } from './planning/is-proposal-stale';
import { listPlanLevers } from './planning/levers/list-plan-levers';
import { removePlanLever } from './planning/levers/remove-plan-lever';
import { setPlanLever, type SetPlanLeverInput } from './planning/levers/set-plan-lever';
import { currentPlanRun } from './planning/plan-run-registry';
import { PlanViewQuery } from './planning/plan-view-query';
import { readPlanList } from './planning/read-plan-list';
import { readPlanView } from './planning/read-plan-view';
import { startPlanRun } from './planning/start-plan-run';
import { rateLimiterFactory } from './scale/rate-limiter';
import { type RedisClient } from './scale/redis-clients';
import { CollectionForm, ProductForm } from './services/catalogue/catalogue-forms';
import {
  listCollections,
  listProducts,
  ProductListQuery,
  readCollection,
  readProduct,
} from './services/catalogue/list-catalogue';
import { createCollection, updateCollection } from './services/catalogue/save-collection';
import { createProduct, updateProduct } from './services/catalogue/save-product';
import { authenticateChannelKey, createChannelKey, revokeChannelKey } from './services/channels/channel-keys';
import { cancelChannelOrder, readChannelOrder } from './services/channels/channel-orders';
import { ChannelsPageForm } from './services/channels/channels-page-form';
import { createChannelOrder } from './services/channels/create-channel-order';
import { listChannels } from './services/channels/list-channels';
import { listWebhookDeliveries, WebhookLogQuery } from './services/channels/list-webhook-deliveries';
import { createChannel, rotateWebhookSecret, setChannelWebhookUrl } from './services/channels/manage-channels';
import { retryWebhookDelivery } from './services/channels/retry-webhook-delivery';
import { readInspectionQueue, readInspectionVisit } from './services/inspections/read-inspection-queue';
import { listJobInspectionPhotos, readJobInspectionPhoto } from './services/inspections/read-job-inspection-photos';
import { readInspectionPhoto } from './services/inspections/save-inspection-photo';
import { readArtisanEarnings } from './services/jobs/read-artisan-earnings';
import { readArtisanJobs } from './services/jobs/read-artisan-jobs';
import { listMessages, MessageListQuery } from './services/messages/list-messages';
import { resendMessage, ResendForm } from './services/messages/resend-message';
import { adjustOrderForPlanning } from './services/orders/adjust-order-for-planning';
import { CancelOrderForm, cancelOrderFromPage } from './services/orders/cancel-order-form';
import { enterOrder } from './services/orders/enter-order';
import { importPurchaseOrder } from './services/orders/import-purchase-order';
import { listOrderableProducts } from './services/orders/list-orderable-products';
import { listRetailPartnerChannels } from './services/orders/list-retail-partner-channels';
import { markOrderShipped, SHIPPING_ROLES } from './services/orders/mark-order-shipped';
import { blankOrderEntry, orderEntryValuesOfForm, withOneMoreLine } from './services/orders/order-entry-form';
import { previewPurchaseOrder } from './services/orders/preview-purchase-order';
import {
  PURCHASE_ORDER_COLUMNS,
  PURCHASE_ORDER_MAX_BYTES,
  PURCHASE_ORDER_MAX_ROWS,
} from './services/orders/purchase-order-file';
import { samplePurchaseOrderCsv } from './services/orders/sample-purchase-order';
import { approvePayoutRun, cancelPayoutRun } from './services/payouts/approve-payout-run';
import { gatherPayoutRun } from './services/payouts/gather-payout-run';
import { PayoutRunForm, PayoutRunParams } from './services/payouts/payout-run-form';
import { readPayoutReconciliation } from './services/payouts/read-payout-reconciliation';
import { countPaymentsDue, listPayoutRuns, readPayoutRun } from './services/payouts/read-payout-runs';
import { retryPayout } from './services/payouts/retry-payout';
import { applyPhoneAction } from './services/phone-actions/apply-phone-action';
import { moveArtisan } from './services/registry/move-artisan';
import { listWorkshopChoices, readArtisanRecord, readWorkshopRecord } from './services/registry/read-registry';
import { AbsenceForm, ArtisanForm, MoveArtisanForm, WorkshopForm } from './services/registry/registry-forms';
import { createArtisan, updateArtisan } from './services/registry/save-artisan';
import { createWorkshop, updateWorkshop } from './services/registry/save-workshop';
import { attemptSignIn } from './services/sessions/attempt-sign-in';
import { authenticateUser } from './services/users/authenticate-user';
import { changePassword } from './services/users/change-password';
import { changeUserRole } from './services/users/change-user-role';
import { chooseLanguage } from './services/users/choose-language';
import { deactivateUser } from './services/users/deactivate-user';
import { inviteUser } from './services/users/invite-user';
import { DEMO_PASSWORD, listDemoAccounts } from './services/users/list-demo-accounts';
import { listUsers, readUser } from './services/users/list-users';
import { reactivateUser } from './services/users/reactivate-user';
import { resetUserPassword } from './services/users/reset-user-password';
import { actorFromUser } from './services/users/session-user';
import { InviteUserForm, UserActionForm } from './services/users/user-forms';
import { listReferenceWageHistory, readReferenceWages } from './services/wages/read-reference-wages';
import { recordReferenceWage } from './services/wages/record-reference-wage';
import { ReferenceWageForm } from './services/wages/reference-wage-form';

/** Where "now" comes from: the wall clock in production, a fixed moment in tests. */
export interface Clock {
  now(): Date;
}

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/** The planning data cannot be handed to the optimizer; its message names the line or workshop. */
export class PlanningDataError extends DomainError {
  override name = 'PlanningDataError';
  override readonly status = 422;
}

/**
 * Everything the Remix routes may call, built once at boot and handed to every loader and action
 * as the load context. The Remix build holds the UI only: server modules exist once per process,
 * so the event bus, the plan-run registry and the read-model caches are the same ones that the
 * Socket.IO layer and the automatic re-planner use.
 */
export function createAppContext({
  config,
  logger,
  clock,
  sessions,
  redis,
}: {
  config: Config;
  logger: Logger;
  clock: Clock;
  sessions: SessionCookies;
  /** With REDIS_URL: the connection rate limits are counted on, shared by every app process. */
  redis?: RedisClient;
}) {
  const createRateLimiter = rateLimiterFactory(redis);
  const daraja = resolveDarajaSettings(config);
  const sms = resolveSmsSettings(config);
  const signInThrottle = createSignInThrottle({
    failuresPerAccount: config.SIGN_IN_FAILURES_PER_ACCOUNT,
    failuresPerAddress: config.SIGN_IN_FAILURES_PER_ADDRESS,
    periodSeconds: config.SIGN_IN_THROTTLE_SECONDS,
    createRateLimiter,
  });
  return {
    config,
    logger,
    clock,
    sessions,
    events: domainEvents,
    /** Rate limiters counted across every app process when REDIS_URL is set (server/scale/rate-limiter.ts). */
    createRateLimiter,
    /** The sales channels' REST API (server/api/), as of the server's clock. */
    api: {
      authenticateChannelKey,
      createChannelOrder: (input: Omit<Parameters<typeof createChannelOrder>[0], 'now'>) =>
        createChannelOrder({ ...input, now: clock.now() }),
      readChannelOrder,
      cancelChannelOrder,
      openApiDocument: OPENAPI_DOCUMENT,
    },
    /** The admins' channels: channels, keys, webhook settings, and the status webhooks' delivery log. */
    channels: {
      forms: { ChannelsPageForm },
      queries: { WebhookLogQuery },
      listChannels,
      createChannel,
      createChannelKey,
      revokeChannelKey: (input: Omit<Parameters<typeof revokeChannelKey>[0], 'at'>) =>
        revokeChannelKey({ ...input, at: clock.now() }),
      /** Plain-http receivers on this machine are for development and tests, never production. */
      setChannelWebhookUrl: (input: Omit<Parameters<typeof setChannelWebhookUrl>[0], 'allowLocalHttp'>) =>
        setChannelWebhookUrl({ ...input, allowLocalHttp: config.NODE_ENV !== 'production' }),
      rotateWebhookSecret,
      listWebhookDeliveries,
      retryWebhookDelivery,
    },
    /** HQ ships an order once every unit has passed QC, as of the server's clock. */
    shipping: {
      roles: SHIPPING_ROLES,
      markOrderShipped: (input: Omit<Parameters<typeof markOrderShipped>[0], 'at'>) =>
        markOrderShipped({ ...input, at: clock.now() }),
    },
    accounts: {
      authenticateUser,
      listDemoAccounts,
      /** Who a request's Cookie header stands for, kept a few seconds between requests. */
      readSignedInUser: (input: { cookieHeader: string | null }) => readSignedInUser({ ...input, sessions }),
      actorFromUser,
      DEMO_PASSWORD,
    },
    /** Ending sessions: every session of an account ends with a new password or its deactivation. */
    accountSecurity: { changePassword, deactivateUser },
    /**
     * Administrators' management of accounts: invitations with a one-time password, roles,
     * password resets and deactivation (each of the last three ends the account's sessions).
     */
    users: {
      forms: { InviteUserForm, UserActionForm },
      listUsers,
      readUser,
      inviteUser,
      changeUserRole,
      resetUserPassword,
      deactivateUser,
      reactivateUser,
    },
    /** The /login form's attempts, throttled by account and by address (429 with Retry-After). */
    signIn: {
      attempt: (input: Omit<Parameters<typeof attemptSignIn>[0], 'throttle' | 'logger'>) =>
        attemptSignIn({ ...input, throttle: signInThrottle, logger: logger.child({ module: 'sign-in' }) }),
    },
    dashboard: {
      queries: { OverviewQuery, OrderListQuery, WorkshopListQuery, JobsBoardQuery },
      listOrderPartners,
      listOrders,
      listRecentEvents,
      listWorkshops,
      readJobsBoard,
      readOrderDetail,
      readOverview,
      readWorkshopDetail,
      streamOrdersCsv,
      weeksAround,
    },
    /**
     * The network registry: HQ onboards and edits workshops and artisans and declares artisans'
     * days away, as of the server's clock. Every change reaches capacity through `capacity:changed`.
     */
    registry: {
      forms: { WorkshopForm, ArtisanForm, AbsenceForm, MoveArtisanForm },
      readWorkshopRecord,
      readArtisanRecord,
      listWorkshopChoices,
      createWorkshop: (input: Omit<Parameters<typeof createWorkshop>[0], 'now'>) =>
        createWorkshop({ ...input, now: clock.now() }),
      updateWorkshop: (input: Omit<Parameters<typeof updateWorkshop>[0], 'now'>) =>
        updateWorkshop({ ...input, now: clock.now() }),
      createArtisan: (input: Omit<Parameters<typeof createArtisan>[0], 'now'>) =>
        createArtisan({ ...input, now: clock.now() }),
      updateArtisan: (input: Omit<Parameters<typeof updateArtisan>[0], 'now'>) =>
        updateArtisan({ ...input, now: clock.now() }),
      moveArtisan: (input: Omit<Parameters<typeof moveArtisan>[0], 'now'>) =>
        moveArtisan({ ...input, now: clock.now() }),
      listArtisanAbsences: (input: { actor: Actor; artisanId: string }) =>
        listArtisanAbsences({ ...input, now: clock.now() }),
      declareAbsence: (input: Omit<Parameters<typeof declareAbsence>[0], 'now'>) =>
        declareAbsence({ ...input, now: clock.now() }),
      cancelAbsence: (input: Omit<Parameters<typeof cancelAbsence>[0], 'now'>) =>
        cancelAbsence({ ...input, now: clock.now() }),
    },
    /** HQ's own doors for orders: the order form, purchase-order imports, cancelling from the order's page. */
    orderEntry: {
      forms: { blankOrderEntry, orderEntryValuesOfForm, withOneMoreLine, CancelOrderForm },
      listOrderableProducts,
      /** Enters an order as of the server's clock (the ship-by must lie ahead of it). */
      enterOrder: (input: Omit<Parameters<typeof enterOrder>[0], 'now'>) => enterOrder({ ...input, now: clock.now() }),
      /** What a purchase-order file must look like, for the import page to say. */
      purchaseOrderFile: {
        columns: PURCHASE_ORDER_COLUMNS,
        maxBytes: PURCHASE_ORDER_MAX_BYTES,
        maxRows: PURCHASE_ORDER_MAX_ROWS,
      },
      listRetailPartnerChannels,
      samplePurchaseOrderCsv: () => samplePurchaseOrderCsv({ now: clock.now() }),
      previewPurchaseOrder: (input: Omit<Parameters<typeof previewPurchaseOrder>[0], 'now'>) =>
        previewPurchaseOrder({ ...input, now: clock.now() }),
      importPurchaseOrder: (input: Omit<Parameters<typeof importPurchaseOrder>[0], 'now'>) =>
        importPurchaseOrder({ ...input, now: clock.now() }),
      cancelOrderFromPage,
    },
    catalogue: {
      queries: { ProductListQuery },
      forms: { ProductForm, CollectionForm },
      createCollection,
      createProduct,
      listCollections,
      listProducts,
      readCollection,
      readProduct,
      updateCollection,
      updateProduct,
    },
    wages: {
      forms: { ReferenceWageForm },
      listReferenceWageHistory,
      readReferenceWages,
      recordReferenceWage,
    },
    impact: {
      queries: { ImpactPeriodQuery, ImpactAreaParams, ImpactArtisanParams },
      /** The report of the period the URL names, on Nairobi's calendar as of the server clock. */
      readImpactReport: ({ query }: { query: ImpactPeriodQuery }) =>
        readImpactReport({ period: resolveImpactPeriod({ query, now: clock.now() }) }),
      buildImpactTables,
      /** The public page's aggregates for the twelve whole months before today. */
      readPublicImpact: () => readPublicImpact({ now: clock.now() }),
    },
    /** The phone pages of artisans, workshop leads and field officers, as of the server's clock. */
    phone: {
      readArtisanJobs,
      readArtisanEarnings: (input: { actor: Actor }) => readArtisanEarnings({ ...input, now: clock.now() }),
      listArtisanAbsences: (input: { actor: Actor; artisanId: string }) =>
        listArtisanAbsences({ ...input, now: clock.now() }),
      declareAbsence: (input: Omit<Parameters<typeof declareAbsence>[0], 'now'>) =>
        declareAbsence({ ...input, now: clock.now() }),
      cancelAbsence: (input: Omit<Parameters<typeof cancelAbsence>[0], 'now'>) =>
        cancelAbsence({ ...input, now: clock.now() }),
      readInspectionQueue,
      readInspectionVisit,
      readInspectionPhoto,
      /** A job's inspection photos, for the officers of its area and HQ. */
      listJobInspectionPhotos,
      readJobInspectionPhoto,
      /** Applies a phone's action exactly once per action id (server/services/phone-actions). */
      applyPhoneAction: (input: Omit<Parameters<typeof applyPhoneAction>[0], 'now'>) =>
        applyPhoneAction({ ...input, now: clock.now() }),
      chooseLanguage,
    },
    /** Payout runs by M-Pesa B2C (server/services/payouts/), as of the server's clock. */
    payouts: {
      forms: { PayoutRunForm, PayoutRunParams },
      /** Whether M-Pesa is configured; `reason` names the settings missing when it is not. */
      provider: daraja.enabled ? { enabled: true as const } : { enabled: false as const, reason: daraja.reason },
      /** For the server's worker and callback routes only (holds credentials): never hand it to a page. */
      daraja,
      countPaymentsDue,
      listPayoutRuns,
      readPayoutRun,
      readPayoutReconciliation: () => readPayoutReconciliation({ now: clock.now() }),
      gatherPayoutRun: (input: Omit<Parameters<typeof gatherPayoutRun>[0], 'now'>) =>
        gatherPayoutRun({ ...input, now: clock.now() }),
      approvePayoutRun: (input: Omit<Parameters<typeof approvePayoutRun>[0], 'now'>) =>
        approvePayoutRun({ ...input, now: clock.now() }),
      cancelPayoutRun: (input: Omit<Parameters<typeof cancelPayoutRun>[0], 'now'>) =>
        cancelPayoutRun({ ...input, now: clock.now() }),
      retryPayout: (input: Omit<Parameters<typeof retryPayout>[0], 'now'>) =>
        retryPayout({ ...input, now: clock.now() }),
    },
    /** The SMS outbox (server/services/messages/): offers, receipts and inspection results to artisans. */
    messages: {
      queries: { MessageListQuery },
      forms: { ResendForm },
      /** Whether Africa's Talking is configured, and the delivery-report URL to register with it. */
      provider: sms.enabled
        ? { enabled: true as const, deliveryReportUrl: sms.settings.deliveryReportUrl ?? null }
        : { enabled: false as const, reason: sms.reason },
      /** For the server's sender and delivery-report route only (holds credentials): never hand it to a page. */
      sms,
      listMessages,
      /** A manager's decision to send a failed or unknown message again, as of the server's clock. */
      resendMessage: (input: Omit<Parameters<typeof resendMessage>[0], 'now'>) =>
        resendMessage({ ...input, now: clock.now() }),
    },
    /** The designers' "can we make N by D?" and their capacity holds, as of the server's clock. */
    capacityCheck: {
      queries: { CheckForm },
      questionOfForm,
      rowsOfForm,
      listCheckableProducts,
      checkCapacity: async (input: Omit<Parameters<typeof checkCapacity>[0], 'now'>) => {
        const { question, answer } = await checkCapacity({ ...input, now: clock.now() });
        return { question, answer };
      },
      placeCapacityHold: (input: Omit<Parameters<typeof placeCapacityHold>[0], 'now' | 'holdHours'>) =>
        placeCapacityHold({ ...input, now: clock.now(), holdHours: config.CAPACITY_HOLD_HOURS }),
      launchCapacityHold: (input: Omit<Parameters<typeof launchCapacityHold>[0], 'now'>) =>
        launchCapacityHold({ ...input, now: clock.now() }),
      releaseCapacityHold: (input: Omit<Parameters<typeof releaseCapacityHold>[0], 'now'>) =>
        releaseCapacityHold({ ...input, now: clock.now() }),
      /** With the actor, each hold says whether they may release it. */
      listActiveHolds: ({ actor }: { actor?: Actor } = {}) => summariseActiveHolds({ now: clock.now(), actor }),
    },
    planning: {
      queries: { PlanViewQuery },
      /** Commits as of the server's clock, so due dates and the weeks still open are today's. */
      commitPlan: (input: Omit<Parameters<typeof commitPlan>[0], 'now'>) => commitPlan({ ...input, now: clock.now() }),
      /** A fix offered beside unplaced units (later ship-by, higher priority, smaller lot), as of now. */
      adjustOrderForPlanning: (input: Omit<Parameters<typeof adjustOrderForPlanning>[0], 'now'>) =>
        adjustOrderForPlanning({ ...input, now: clock.now() }),
      currentPlanRun,
      isProposalStale,
      /** Kept between requests and dropped by plan events (read-plan-list.ts). */
      listPlans: () => readPlanList({}),
      readPlanView,
      /** As the service, with the optimizer's refusal of bad data turned into a 422 for the page. */
      async runPlan(input: Omit<Parameters<typeof startPlanRun>[0], 'logger' | 'now'>) {
        try {
          return await startPlanRun({ ...input, now: clock.now(), logger: logger.child({ module: 'planning' }) })
            .outcome;
        } catch (error) {
          if (error instanceof ProblemValidationError)
            throw new PlanningDataError(`The planning data needs fixing first. ${error.message}`);
          throw error;
        }
      },
    },
    /**
     * Planners' levers on the optimizer, set from a proposal and kept for every later run: pins
     * (these units, this workshop, this week) and workshops ruled out for an order line.
     */
    planLevers: {
      roles: PLAN_LEVER_ROLES,
      setPlanLever: (input: SetPlanLeverInput & { actor: Actor }) => setPlanLever({ ...input, now: clock.now() }),
      removePlanLever: (input: Omit<Parameters<typeof removePlanLever>[0], 'now'>) =>
        removePlanLever({ ...input, now: clock.now() }),
      /** As of the server's clock: which levers the next plan run applies depends on the week. */
      listPlanLevers: () => listPlanLevers({ now: clock.now() }),
    },
  };
}

export type AppContext = ReturnType<typeof createAppContext>;

/** What the HTTP layer knows of one request (server/http-app.ts), handed to loaders beside the services. */
export interface RequestClient {
  /** The client's IP address as Express sees it (the sign-in throttle counts by it). */
  address: string;
  /** This response's Content-Security-Policy nonce, for the scripts the page renders. */
  cspNonce: string;
}

/** The load context of one request: the services, and what is known of the request's client. */
export type RequestLoadContext = AppContext & { client: RequestClient };
