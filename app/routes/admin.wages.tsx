import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';

import { REFERENCE_WAGE_KINDS, REFERENCE_WAGE_LABELS } from '#server/domain/reference-wages';

import { requireActor, requireRole } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { DayInput } from '../components/day-input';
import designStyles from '../components/design/design.css';
import { FieldError, fieldErrorOf } from '../components/field-error';
import { formatDay, formatKes } from '../format';
import { answerDomainErrors, parseForm, runAction } from '../route-input.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: designStyles }];

export const meta = () => [{ title: 'Reference wages · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'admin');
  const { wages, clock } = args.context;
  const [current, history] = await answerDomainErrors(() =>
    Promise.all([wages.readReferenceWages({ at: clock.now() }), wages.listReferenceWageHistory()]),
  );
  return { current, history };
}

/** Records a minimum or living wage from its effective day (a second figure for that day corrects it). */
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, 'admin');
    const input = await parseForm(args.request, args.context.wages.forms.ReferenceWageForm);
    const wage = await args.context.wages.recordReferenceWage({ actor, ...input });
    return { recorded: wage };
  });
}

export default function ReferenceWages() {
  const { current, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const fields = result?.ok === false ? result.fields : undefined;
  const errorOf = (...names: string[]) => fieldErrorOf(fields, ...names);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Reference wages</h1>
          <p>
            What piece rates and earnings are measured against, at a 48-hour week. Each figure applies from its day
            until a newer one; the product form and the impact report read the one in force.
          </p>
        </div>
      </header>

      <section className="card" aria-labelledby="in-force">
        <h2 id="in-force">In force today</h2>
        <table className="data" data-testid="wages-in-force">
          <thead>
            <tr>
              <th>Wage</th>
              <th className="num">A month</th>
              <th>From</th>
              <th>Source</th>
            </tr>
          </thead>
          <tbody>
            {REFERENCE_WAGE_KINDS.map((kind) => (
              <tr key={kind}>
                <td>{REFERENCE_WAGE_LABELS[kind]}</td>
                <td className="num nowrap">{formatKes(current[kind].monthlyCents)}</td>
                <td className="nowrap">{formatDay(current[kind].effectiveFrom)}</td>
                <td>{current[kind].source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <Form method="post" className="design-form card" aria-label="Record a reference wage">
        <h2 className="design-form__wide">Record a figure</h2>
        {result?.ok === true ? (
          <p className="notice notice--good design-form__wide" role="status">
            Recorded: {REFERENCE_WAGE_LABELS[result.recorded.kind]} {formatKes(result.recorded.monthlyCents)} a month
            from {formatDay(result.recorded.effectiveFrom)}.
          </p>
        ) : null}
        {result?.ok === false && Object.keys(result.fields).length === 0 ? (
          <p className="notice notice--bad design-form__wide">{result.error}</p>
        ) : null}
        <label>
          Wage
          <select name="kind" defaultValue="living">
            {REFERENCE_WAGE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {REFERENCE_WAGE_LABELS[kind]}
              </option>
            ))}
          </select>
          <FieldError message={errorOf('kind')} />
        </label>
        <label>
          KES a month
          <input name="monthlyKes" inputMode="decimal" required placeholder="35,518" />
          <FieldError message={errorOf('monthlyKes', 'monthlyCents')} />
        </label>
        <label>
          Applies from
          <DayInput name="effectiveFrom" required />
          <FieldError message={errorOf('effectiveFrom')} />
        </label>
        <label className="design-form__wide">
          Source
          <input name="source" required maxLength={300} placeholder="Publication, order or study, and its year" />
          <FieldError message={errorOf('source')} />
        </label>
        <div className="design-form__actions">
          <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
            Record
          </button>
        </div>
      </Form>

      <section className="card" aria-labelledby="history">
        <h2 id="history">Recorded figures</h2>
        {history.length === 0 ? (
          <p className="muted">None yet: the published defaults above apply.</p>
        ) : (
          <table className="data" data-testid="wage-history">
            <thead>
              <tr>
                <th>Wage</th>
                <th className="num">A month</th>
                <th>From</th>
                <th>Source</th>
                <th>Recorded by</th>
              </tr>
            </thead>
            <tbody>
              {history.map((wage) => (
                <tr key={`${wage.kind}-${wage.effectiveFrom}`}>
                  <td>{REFERENCE_WAGE_LABELS[wage.kind]}</td>
                  <td className="num nowrap">{formatKes(wage.monthlyCents)}</td>
                  <td className="nowrap">{formatDay(wage.effectiveFrom)}</td>
                  <td>{wage.source}</td>
                  <td>{wage.recordedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/" backLabel="Back to your start page" />;
}
