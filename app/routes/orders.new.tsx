import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';

import { ORDER_ENTRY_ROLES } from '#server/domain/roles';
import type { OrderEntryValues } from '#server/services/orders/order-entry-form';

import { requireActor, requireRole } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { DayInput } from '../components/day-input';
import { FieldError, fieldErrorOf } from '../components/field-error';
import orderEntryStyles from '../components/orders/order-entry.css';
import { OrderLineRows, SkuChoices } from '../components/orders/order-line-rows';
import { answerDomainErrors, parseForm, runAction } from '../route-input.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: orderEntryStyles }];

export const meta = () => [{ title: 'New order · Kiwanda' }];

/** The form's text fields by name; the order service reads them (see order-entry-form.ts). */
const OrderEntryFields = z.record(z.string(), z.string());

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, ORDER_ENTRY_ROLES);
  const { orderEntry } = args.context;
  const products = await answerDomainErrors(() => orderEntry.listOrderableProducts());
  return { products, blank: orderEntry.forms.blankOrderEntry() };
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireActor(args, ORDER_ENTRY_ROLES);
  const { orderEntry } = args.context;
  let values: OrderEntryValues | undefined;
  return runAction(
    async () => {
      const fields = await parseForm(args.request, OrderEntryFields);
      values = orderEntry.forms.orderEntryValuesOfForm(fields);
      // "Add a line" shows the form again, as typed, with one more blank row: no JavaScript needed.
      if (fields.intent === 'add-line') return { values: orderEntry.forms.withOneMoreLine(values) };
      const entered = await orderEntry.enterOrder({ actor, values });
      throw redirect(`/orders/${entered.orderId}?entered=1`);
    },
    () => ({ values }),
  );
}

export default function NewOrder() {
  const { products, blank } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const values = answer?.values ?? blank;
  const fields = answer?.ok === false ? answer.fields : undefined;
  const errorOf = (name: string) => fieldErrorOf(fields, name);

  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to="/orders">← Orders</Link>
          </p>
          <h1>New order</h1>
          <p>
            An order taken at HQ for a customer who is not a sales channel (a boutique, a gift order). It is priced
            wholesale, every line must meet its product&apos;s minimum lot, and each line is promised a ship date by the
            same capacity check as the channels&apos; orders.
          </p>
        </div>
        <Link to="/orders/import" className="button button--quiet">
          Import a purchase order (CSV)
        </Link>
      </header>

      {/* A new key per answer: the fields show what the server kept, not what React remembered. */}
      <Form method="post" className="order-form card" aria-label="New order" key={JSON.stringify(values)}>
        {answer?.ok === false ? (
          <p className="notice notice--bad order-form__wide" data-testid="form-error">
            {Object.keys(answer.fields).length > 0
              ? `Not entered: ${Object.keys(answer.fields).length === 1 ? 'one field needs' : `${Object.keys(answer.fields).length} fields need`} fixing, each marked below.`
              : answer.error}
          </p>
        ) : null}
        <label>
          Customer
          <input name="customer.name" defaultValue={values.customerName} required maxLength={160} />
          <FieldError message={errorOf('customer.name')} />
        </label>
        <label>
          Store or buyer (optional)
          <input name="customer.store" defaultValue={values.customerStore} maxLength={160} />
          <FieldError message={errorOf('customer.store')} />
        </label>
        <label>
          Ship by
          <DayInput name="shipBy" defaultValue={values.shipBy} required aria-invalid={Boolean(errorOf('shipBy'))} />
          <FieldError message={errorOf('shipBy')} />
        </label>
        <fieldset>
          <legend>Lines</legend>
          <OrderLineRows lines={values.lines} errorOf={errorOf} />
          <input type="hidden" name="lineRows" value={values.lines.length} />
          <FieldError message={errorOf('lines')} />
        </fieldset>
        <SkuChoices products={products} />
        <label className="order-form__wide">
          Notes (optional)
          <textarea name="notes" defaultValue={values.notes} rows={3} maxLength={1000} />
          <FieldError message={errorOf('notes')} />
        </label>
        <div className="order-form__actions">
          <button type="submit" name="intent" value="enter" className="button" disabled={navigation.state !== 'idle'}>
            Enter order
          </button>
          <button type="submit" name="intent" value="add-line" className="button button--quiet" formNoValidate>
            Add a line
          </button>
          <Link to="/orders" className="button button--quiet">
            Back to the orders
          </Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/orders" backLabel="Back to the orders" />;
}
