import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';

import { requireActor } from '../auth.server';
import checkStyles from '../components/capacity-check/capacity-check.css';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import designStyles from '../components/design/design.css';
import { formatCount, formatDay, formatNairobiTime } from '../format';
import { answerDomainErrors, parseForm, parseParams, parseQuery, runAction } from '../route-input.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: designStyles },
  { rel: 'stylesheet', href: checkStyles },
];

export const meta: MetaFunction = () => [{ title: 'Release a capacity hold · Kiwanda' }];

const Params = z.object({ holdId: z.string().regex(/^[0-9a-f]{24}$/i, 'names no capacity hold') });
/**
 * The two pages that list holds: the release goes back to the one it came from, with its query
 * (the designer's question stays on the page). Only these paths, so it cannot send anyone away.
 */
const ReturnTo = z.object({
  returnTo: z
    .string()
    .regex(/^\/(design\/check|planning)(\?[^#]*)?$/, 'must be the capacity check or the planning page')
    .default('/design/check'),
});

/** `returnTo` with `released` set to the hold's reference. */
function backWithReleased(returnTo: string, reference: string): string {
  const url = new URL(returnTo, 'http://kiwanda.invalid');
  url.searchParams.set('released', reference);
  return `${url.pathname}${url.search}`;
}

/** The hold, for a person who reached this page without the list (or after a failed release). */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireActor(args, 'design');
  const { holdId } = parseParams(args.params, Params);
  const { returnTo } = parseQuery(args.request, ReturnTo);
  const holds = await answerDomainErrors(() => args.context.capacityCheck.listActiveHolds({ actor }));
  // A hold launched, released or lapsed is shown as such (with the failed release's reason, if any).
  return { hold: holds.find((candidate) => candidate.id === holdId) ?? null, returnTo };
}

/** Releases the hold, then goes back to the page the button was on. */
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, 'design');
    const { holdId } = parseParams(args.params, Params);
    const { returnTo } = await parseForm(args.request, ReturnTo);
    const released = await args.context.capacityCheck.releaseCapacityHold({ actor, holdId });
    throw redirect(backWithReleased(returnTo, released.reference));
  });
}

export default function ReleaseHoldPage() {
  const { hold, returnTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure =
    result && !result.ok ? (
      <p className="notice notice--bad" role="alert" data-testid="release-error">
        {result.error}
      </p>
    ) : null;
  if (!hold) {
    return (
      <>
        <header className="page-header">
          <h1>No hold to release</h1>
          <Link to={returnTo} className="button button--quiet">
            Back
          </Link>
        </header>
        {failure}
        <p className="card">This hold is not held any more: it was launched, released or has lapsed.</p>
      </>
    );
  }
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Release {hold.reference}</h1>
          <p>
            {hold.lines.map((line) => `${formatCount(line.quantity)} × ${line.sku}`).join(', ')} · ships by{' '}
            {formatDay(hold.shipBy)} · held by {hold.heldBy} until {formatNairobiTime(hold.expiresAt)}
          </p>
        </div>
        <Link to={returnTo} className="button button--quiet">
          Back
        </Link>
      </header>
      {failure}
      <Form method="post" className="card design-form">
        <input type="hidden" name="returnTo" value={returnTo} />
        <p className="design-form__wide">
          Releasing gives its {formatCount(hold.hours.reduce((sum, entry) => sum + entry.hours, 0))} hours back to open
          orders at once; the collection can be checked and held again later.
        </p>
        <div className="design-form__actions">
          <button type="submit" className="button" disabled={!hold.mayRelease}>
            Release the hold
          </button>
          {hold.mayRelease ? null : (
            <span className="muted">Only {hold.heldBy}, a planner or an admin may release it.</span>
          )}
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/design/check" backLabel="Back to the capacity check" />;
}
