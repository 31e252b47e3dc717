import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';

import { objectIdString } from '#server/domain/input-schemas';

import { requireActor, requireRole } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import designStyles from '../components/design/design.css';
import { ProductForm } from '../components/design/product-form';
import { answerDomainErrors, parseForm, parseParams, runAction } from '../route-input.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: designStyles }];

export const meta = () => [{ title: 'Product · Kiwanda' }];

const Params = z.object({ productId: objectIdString });

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'design');
  const { productId } = parseParams(args.params, Params);
  const { catalogue, wages, clock } = args.context;
  const [product, collections, referenceWages] = await answerDomainErrors(() =>
    Promise.all([
      catalogue.readProduct({ productId }),
      catalogue.listCollections(),
      wages.readReferenceWages({ at: clock.now() }),
    ]),
  );
  return { product, collections, wages: referenceWages };
}

export async function action(args: ActionFunctionArgs) {
  const { productId } = parseParams(args.params, Params);
  return runAction(async () => {
    const actor = await requireActor(args, 'design');
    const input = await parseForm(args.request, args.context.catalogue.forms.ProductForm);
    await args.context.catalogue.updateProduct({ actor, productId, ...input });
    return { saved: true };
  });
}

export default function EditProduct() {
  const { product, collections, wages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = result?.ok === true || (result === undefined && searchParams.get('saved') === 'created');
  return (
    <>
      <header className="page-header">
        <div>
          <h1>
            {product.sku} · {product.name}
          </h1>
          <p>
            In {product.collectionName}. Jobs already offered keep the minutes and piece rate they were offered with; a
            change here shapes work planned from now on.
          </p>
        </div>
      </header>
      {saved ? (
        <p className="notice notice--good" role="status">
          {result?.ok === true ? 'Saved.' : 'Product created.'}
        </p>
      ) : null}
      <ProductForm
        key={product.id}
        product={product}
        collections={collections}
        wages={wages}
        fields={result?.ok === false ? result.fields : undefined}
        error={result?.ok === false ? result.error : undefined}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/design" backLabel="Back to the catalogue" />;
}
