import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation, useNavigation } from '@remix-run/react';
import { z } from 'zod';

import { ValidationError } from '#server/domain/errors';
import { PLAN_INPUT_EVENTS } from '#server/domain/events';
import { SKILL_LABELS, type Skill } from '#server/domain/skills';

import { requireActor } from '../auth.server';
import checkStyles from '../components/capacity-check/capacity-check.css';
import { CheckAnswer } from '../components/capacity-check/check-answer';
import { HeldCapacity } from '../components/capacity-check/held-capacity';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { DayInput } from '../components/day-input';
import designStyles from '../components/design/design.css';
import { formatDay } from '../format';
import { useActionResult } from '../realtime/use-action-result';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors, parseForm, parseQuery, readForm, runAction } from '../route-input.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: designStyles },
  { rel: 'stylesheet', href: checkStyles },
];

export const meta: MetaFunction = () => [{ title: 'Can we make it? · Kiwanda' }];

/** Set by the release page when it sends the designer back here. */
const ReleasedQuery = z.object({ released: z.string().max(40).optional() });

export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireActor(args, 'design');
  const { capacityCheck } = args.context;
  const form = parseQuery(args.request, capacityCheck.queries.CheckForm);
  const { released } = parseQuery(args.request, ReleasedQuery);
  const [products, holds] = await answerDomainErrors(() =>
    Promise.all([capacityCheck.listCheckableProducts(), capacityCheck.listActiveHolds({ actor })]),
  );
  const page = { products, holds, rows: capacityCheck.rowsOfForm(form), form, released: released ?? null };
  const question = capacityCheck.questionOfForm(form);
  if (!question) return { ...page, check: null, error: null };
  try {
    return { ...page, check: await capacityCheck.checkCapacity(question), error: null };
  } catch (error) {
    // A question that does not hold together is shown with the form, its field named, as a 400.
    if (!(error instanceof ValidationError)) throw error;
    return data({ ...page, check: null, error: error.message }, { status: 400 });
  }
}

const HoldIntent = z.object({ intent: z.literal('hold') });
const LaunchForm = z.object({ intent: z.literal('launch'), holdId: z.string().min(1, 'choose a hold') });

/** Place a hold for the question on the page, or launch a held collection as its order. */
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, 'design');
    const { capacityCheck } = args.context;
    const form = await readForm(args.request);
    const intent = form.get('intent');
    const request = () => new Request(args.request.url, { method: 'POST', body: form });
    if (intent === 'launch') {
      const { holdId } = await parseForm(request(), LaunchForm);
      const { reference } = await capacityCheck.launchCapacityHold({ actor, holdId });
      return { message: `Launched: order ${reference} is open demand now; its hold has ended.` };
    }
    const fields = await parseForm(request(), capacityCheck.queries.CheckForm.and(HoldIntent));
    const question = capacityCheck.questionOfForm(fields);
    if (!question) throw ValidationError.forField('product1', 'choose a product');
    const hold = await capacityCheck.placeCapacityHold({ actor, ...question });
    const units = hold.lines.reduce((sum, line) => sum + line.quantity, 0);
    return {
      message: `Held as ${hold.reference}: capacity for ${units} units is kept out of planning until it lapses.`,
    };
  });
}

export default function CapacityCheckPage() {
  const { products, holds, rows, form, check, error, released } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  // New orders, capacity changes and job moves change the answer: ask again when they happen.
  useLiveRevalidation(PLAN_INPUT_EVENTS);
  const bySkill = new Map<string, typeof products>();
  for (const product of products) bySkill.set(product.skill, [...(bySkill.get(product.skill) ?? []), product]);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Can the network make it?</h1>
          <p>
            A product or a whole launch by a date, from the network as it is now: open orders and committed work come
            first.
          </p>
        </div>
        <Link to="/design" className="button button--quiet">
          Catalogue
        </Link>
      </header>

      <Form method="get" className="card design-form" aria-label="The question">
        <fieldset>
          <legend>Products and quantities</legend>
          <div className="check-rows">
            {rows.map((row, index) => (
              <RowFields key={index} index={index + 1} row={row} bySkill={bySkill} />
            ))}
          </div>
        </fieldset>
        <label>
          Ready to ship by
          <DayInput name="by" defaultValue={form.by ?? ''} required />
        </label>
        <fieldset>
          <legend>Open orders</legend>
          <div className="check-modes">
            <label className="design-form__check">
              <input type="radio" name="mode" value="keep-orders" defaultChecked={form.mode === 'keep-orders'} />
              Without moving any open order
            </label>
            <label className="design-form__check">
              <input
                type="radio"
                name="mode"
                value="move-lower-priority"
                defaultChecked={form.mode === 'move-lower-priority'}
              />
              Allowing normal-priority orders to ship up to a week later
            </label>
          </div>
        </fieldset>
        {error ? (
          <p className="notice notice--bad design-form__wide" role="alert" data-testid="check-error">
            {error}
          </p>
        ) : null}
        <div className="design-form__actions">
          <button type="submit" className="button" disabled={navigation.state === 'loading'}>
            Check
          </button>
          <span className="muted">Up to 10 products; add a row by checking with all rows filled.</span>
        </div>
      </Form>

      {released && !actionData ? (
        <p className="notice notice--good" role="status" data-testid="check-action">
          {released} released: its capacity is open to orders again.
        </p>
      ) : null}
      {actionData ? (
        <p
          className={`notice ${actionData.ok ? 'notice--good' : 'notice--bad'}`}
          role="status"
          data-testid="check-action"
        >
          {actionData.ok ? actionData.message : actionData.error}
        </p>
      ) : null}

      {check ? (
        <>
          <CheckAnswer answer={check.answer} />
          <Form method="post" action={`${location.pathname}${location.search}`} className="card design-form">
            <input type="hidden" name="intent" value="hold" />
            {check.answer.lines.map((line, index) => (
              <span key={line.productId} hidden>
                <input type="hidden" name={`product${index + 1}`} value={line.productId} />
                <input type="hidden" name={`quantity${index + 1}`} value={line.asked} />
              </span>
            ))}
            <input type="hidden" name="by" value={check.answer.by} />
            <input type="hidden" name="mode" value={check.answer.mode} />
            <p className="design-form__wide">
              Hold what can be made by {formatDay(check.answer.by)}: the capacity is kept out of planning until the hold
              lapses or the collection is launched.
            </p>
            <div className="design-form__actions">
              <button type="submit" className="button" disabled={check.answer.lines.every((line) => line.byDate === 0)}>
                Hold this capacity
              </button>
            </div>
          </Form>
        </>
      ) : null}

      <HeldCapacity holds={holds} canLaunch returnTo="/design/check" />
    </>
  );
}

function RowFields({
  index,
  row,
  bySkill,
}: {
  index: number;
  row: { productId: string; quantity: string };
  bySkill: Map<string, { id: string; sku: string; name: string }[]>;
}) {
  return (
    <>
      <label>
        Product {index}
        <select name={`product${index}`} defaultValue={row.productId}>
          <option value="">–</option>
          {[...bySkill].map(([skill, products]) => (
            <optgroup key={skill} label={SKILL_LABELS[skill as Skill]}>
              {products.map((product) => (
                <option key={product.id} value={product.id}>
                  {product.sku} · {product.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        Quantity
        <input type="number" name={`quantity${index}`} min={1} max={100000} step={1} defaultValue={row.quantity} />
      </label>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/design/check" backLabel="Ask again" />;
}
