import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData } from '@remix-run/react';

import { requireActor, requireRole } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { CollectionForm } from '../components/design/collection-form';
import designStyles from '../components/design/design.css';
import { parseForm, runAction } from '../route-input.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: designStyles }];

export const meta = () => [{ title: 'New collection · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'design');
  return null;
}

export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, 'design');
    const input = await parseForm(args.request, args.context.catalogue.forms.CollectionForm);
    const { collectionId } = await args.context.catalogue.createCollection({ actor, ...input });
    throw redirect(`/design/collections/${collectionId}?saved=created`);
  });
}

export default function NewCollection() {
  const failure = useActionData<typeof action>();
  return (
    <>
      <header className="page-header">
        <div>
          <h1>New collection</h1>
          <p>A trend collection: drafted, checked against the network&apos;s capacity, then launched.</p>
        </div>
      </header>
      <CollectionForm
        fields={failure?.ok === false ? failure.fields : undefined}
        error={failure?.ok === false ? failure.error : undefined}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/design" backLabel="Back to the catalogue" />;
}
