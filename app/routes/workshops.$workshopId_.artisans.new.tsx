import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';

import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import designStyles from '../components/design/design.css';
import { ArtisanForm } from '../components/registry/artisan-form';
import registryStyles from '../components/registry/registry.css';
import { loadRegistryWorkshop, registryWorkshopId, requireRegistryActor } from '../registry.server';
import { parseForm, runAction } from '../route-input.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: designStyles },
  { rel: 'stylesheet', href: registryStyles },
];

export const meta = () => [{ title: 'Add an artisan · Kiwanda' }];

export const loader = (args: LoaderFunctionArgs) => loadRegistryWorkshop(args);

/** Adds the artisan; back on the workshop's page, their hours are in its capacity. */
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireRegistryActor(args);
    const workshopId = registryWorkshopId(args);
    const input = await parseForm(args.request, args.context.registry.forms.ArtisanForm);
    await args.context.registry.createArtisan({ actor, workshopId, ...input });
    throw redirect(`/workshops/${workshopId}?saved=artisan`);
  });
}

export default function NewArtisan() {
  const { workshop } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to={`/workshops/${workshop.id}`}>← {workshop.code}</Link>
          </p>
          <h1>Add an artisan to {workshop.code}</h1>
          <p>
            {workshop.name}, {workshop.area}. M-Pesa pays the phone number given here.
          </p>
        </div>
      </header>
      <ArtisanForm
        workshopSkills={workshop.skills}
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
