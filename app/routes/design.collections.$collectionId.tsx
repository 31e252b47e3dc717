import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';

import { objectIdString } from '#server/domain/input-schemas';

import { requireActor, requireRole } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { CollectionForm } from '../components/design/collection-form';
import designStyles from '../components/design/design.css';
import { formatCount } from '../format';
import { answerDomainErrors, parseForm, parseParams, runAction } from '../route-input.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: designStyles }];

export const meta = () => [{ title: 'Collection · Kiwanda' }];

const Params = z.object({ collectionId: objectIdString });

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'design');
  const { collectionId } = parseParams(args.params, Params);
  const collection = await answerDomainErrors(() => args.context.catalogue.readCollection({ collectionId }));
  return { collection };
}

export async function action(args: ActionFunctionArgs) {
  const { collectionId } = parseParams(args.params, Params);
  return runAction(async () => {
    const actor = await requireActor(args, 'design');
    const input = await parseForm(args.request, args.context.catalogue.forms.CollectionForm);
    await args.context.catalogue.updateCollection({ actor, collectionId, ...input });
    return { saved: true };
  });
}

export default function EditCollection() {
  const { collection } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const created = result === undefined && searchParams.get('saved') === 'created';
  return (
    <>
      <header className="page-header">
        <div>
          <h1>
            {collection.name} · {collection.season}
          </h1>
          <p>
            By {collection.designer} ·{' '}
            <Link to={`/design?collection=${collection.id}&state=all`}>
              {formatCount(collection.products)} products
            </Link>{' '}
            · <Link to={`/design/products/new?collection=${collection.id}`}>add a product</Link>
          </p>
        </div>
      </header>
      {result?.ok === true || created ? (
        <p className="notice notice--good" role="status">
          {created ? 'Collection created.' : 'Saved.'}
        </p>
      ) : null}
      <CollectionForm
        key={collection.id}
        collection={collection}
        fields={result?.ok === false ? result.fields : undefined}
        error={result?.ok === false ? result.error : undefined}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/design" backLabel="Back to the catalogue" />;
}
