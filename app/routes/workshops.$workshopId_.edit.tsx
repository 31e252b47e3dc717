import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';

import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import designStyles from '../components/design/design.css';
import registryStyles from '../components/registry/registry.css';
import { WorkshopForm } from '../components/registry/workshop-form';
import { loadRegistryWorkshop, registryWorkshopId, requireRegistryActor } from '../registry.server';
import { parseForm, runAction } from '../route-input.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: designStyles },
  { rel: 'stylesheet', href: registryStyles },
];

export const meta = () => [{ title: 'Edit a workshop · Kiwanda' }];

export const loader = (args: LoaderFunctionArgs) => loadRegistryWorkshop(args);

export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireRegistryActor(args);
    const workshopId = registryWorkshopId(args);
    const input = await parseForm(args.request, args.context.registry.forms.WorkshopForm);
    await args.context.registry.updateWorkshop({ actor, workshopId, ...input });
    throw redirect(`/workshops/${workshopId}?saved=workshop`);
  });
}

export default function EditWorkshop() {
  const { workshop } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to={`/workshops/${workshop.id}`}>← {workshop.code}</Link>
          </p>
          <h1>Edit {workshop.code}</h1>
          <p>Changes to skills or to whether it is active move its capacity on every dashboard at once.</p>
        </div>
      </header>
      <WorkshopForm
        workshop={workshop}
        cancelTo={`/workshops/${workshop.id}`}
        fields={failure?.ok === false ? failure.fields : undefined}
        error={failure?.ok === false ? failure.error : undefined}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/workshops" backLabel="Back to the workshops" />;
}
