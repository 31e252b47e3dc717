import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';

import { requireActor, requireRole } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import designStyles from '../components/design/design.css';
import { ProductForm } from '../components/design/product-form';
import { answerDomainErrors, parseForm, parseQuery, runAction } from '../route-input.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: designStyles }];

export const meta = () => [{ title: 'New product · Kiwanda' }];

const NewProductQuery = z.object({ collection: z.string().max(24).optional() });

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'design');
  const { collection } = parseQuery(args.request, NewProductQuery);
  const { catalogue, wages, clock } = args.context;
  const [collections, referenceWages] = await answerDomainErrors(() =>
    Promise.all([catalogue.listCollections(), wages.readReferenceWages({ at: clock.now() })]),
  );
  return { collections, defaultCollectionId: collection, wages: referenceWages };
}

export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, 'design');
    const input = await parseForm(args.request, args.context.catalogue.forms.ProductForm);
    const { productId } = await args.context.catalogue.createProduct({ actor, ...input });
    throw redirect(`/design/products/${productId}?saved=created`);
  });
}

export default function NewProduct() {
  const { collections, defaultCollectionId, wages } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <header className="page-header">
        <div>
          <h1>New product</h1>
          <p>What it takes to make, what it pays the artisan, what it sells for.</p>
        </div>
      </header>
      {collections.length === 0 ? (
        <p className="notice">Start a collection first: every product belongs to one.</p>
      ) : (
        <ProductForm
          collections={collections}
          wages={wages}
          defaultCollectionId={defaultCollectionId}
          fields={failure?.ok === false ? failure.fields : undefined}
          error={failure?.ok === false ? failure.error : undefined}
        />
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/design" backLabel="Back to the catalogue" />;
}
