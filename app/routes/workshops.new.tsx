import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';

import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import designStyles from '../components/design/design.css';
import registryStyles from '../components/registry/registry.css';
import { WorkshopForm } from '../components/registry/workshop-form';
import { requireRegistryActor, requireRegistryEditor } from '../registry.server';
import { parseForm, runAction } from '../route-input.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: designStyles },
  { rel: 'stylesheet', href: registryStyles },
];

export const meta = () => [{ title: 'Add a workshop · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireRegistryEditor(args);
  return null;
}

/** Onboards the workshop, then opens its page, where its artisans are added. */
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireRegistryActor(args);
    const input = await parseForm(args.request, args.context.registry.forms.WorkshopForm);
    const { workshopId } = await args.context.registry.createWorkshop({ actor, ...input });
    throw redirect(`/workshops/${workshopId}?saved=workshop`);
  });
}

export default function NewWorkshop() {
  const failure = useActionData<typeof action>();
  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to="/workshops">← Workshops</Link>
          </p>
          <h1>Add a workshop</h1>
          <p>A home-based workshop joining the network. Its artisans, and so its capacity, are added on its page.</p>
        </div>
      </header>
      <WorkshopForm
        cancelTo="/workshops"
        fields={failure?.ok === false ? failure.fields : undefined}
        error={failure?.ok === false ? failure.error : undefined}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/workshops" backLabel="Back to the workshops" />;
}
