/** What the dashboard pages need from the server, through one server-only module. */
import { type z } from 'zod';

import { parseSearchParams } from '../server/dashboard/parse-search-params';
import { DomainError } from '../server/domain/errors';
import { requireRole, type SessionUser } from './auth.server';

export { dashboardLinksFor, homePathFor } from './dashboard-links';
export { listOrderPartners, listOrders } from '../server/dashboard/list-orders';
export { listRecentEvents } from '../server/dashboard/list-recent-events';
export { listWorkshops, WorkshopListQuery } from '../server/dashboard/list-workshops';
export { OrderListQuery } from '../server/dashboard/order-list-query';
export { nairobiDateString } from '../server/domain/weeks';
export { OverviewQuery } from '../server/dashboard/overview-query';
export { readJobsBoard, JobsBoardQuery } from '../server/dashboard/read-jobs-board';
export { readOrderDetail } from '../server/dashboard/read-order-detail';
export { readOverview } from '../server/dashboard/read-overview';
export { readWorkshopDetail } from '../server/dashboard/read-workshop-detail';
export { streamOrdersCsv } from '../server/dashboard/stream-orders-csv';
export { weeksAround } from '../server/dashboard/weeks-around';

/** The dashboards are the planning area's: planners work in them, managers and admins read them. */
export function requireDashboardReader(request: Request): Promise<SessionUser> {
  return requireRole(request, 'planning');
}

/** A page's filters from its URL; a bad one answers 400 naming the parameter. */
export function readPageQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  try {
    return parseSearchParams({ schema, searchParams: new URL(request.url).searchParams });
  } catch (error) {
    throw responseForDomainError(error);
  }
}

/**
 * Runs a read and turns the errors services throw on purpose (not found, bad input) into the
 * HTTP answer they name; anything else stays an error for the route's boundary and the log.
 */
export async function answerDomainErrors<Result>(read: () => Promise<Result>): Promise<Result> {
  try {
    return await read();
  } catch (error) {
    throw responseForDomainError(error);
  }
}

function responseForDomainError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const statusText = error.status === 404 ? 'Not Found' : error.status === 400 ? 'Bad Request' : 'Conflict';
  return new Response(error.message, { status: error.status, statusText });
}
