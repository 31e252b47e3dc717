import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { SKILL_LABELS, SKILLS } from '#server/domain/skills';

import { requireRole } from '../auth.server';
import { FilterActions } from '../components/dashboard/filter-actions';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import designStyles from '../components/design/design.css';
import { Pagination } from '../components/pagination';
import { formatCount, formatDay, formatKes } from '../format';
import { answerDomainErrors, parseQuery } from '../route-input.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: designStyles }];

export const meta: MetaFunction = () => [{ title: 'Catalogue · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'design');
  const { catalogue } = args.context;
  const query = parseQuery(args.request, catalogue.queries.ProductListQuery);
  const [page, collections] = await answerDomainErrors(() =>
    Promise.all([catalogue.listProducts({ query }), catalogue.listCollections()]),
  );
  return { query, page, collections };
}

const COLLECTION_STATUS_LABELS = { draft: 'Draft', checked: 'Checked', launched: 'Launched' } as const;

export default function Catalogue() {
  const { query, page, collections } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Catalogue</h1>
          <p>
            {formatCount(collections.length)} collections · {formatCount(page.total)} products match
          </p>
        </div>
        <div className="design-form__actions">
          <Link to="/design/check" className="button button--quiet">
            Can we make it?
          </Link>
          <Link to="/design/collections/new" className="button button--quiet">
            New collection
          </Link>
          <Link
            to={query.collection ? `/design/products/new?collection=${query.collection}` : '/design/products/new'}
            className="button"
          >
            New product
          </Link>
        </div>
      </header>

      <section className="card" aria-labelledby="collections-heading">
        <h2 id="collections-heading">Collections</h2>
        <ul className="collection-list" data-testid="collections">
          {collections.map((collection) => (
            <li key={collection.id}>
              <Link to={`/design/collections/${collection.id}`}>
                <strong>{collection.name}</strong>
              </Link>{' '}
              <span className="badge">{COLLECTION_STATUS_LABELS[collection.status]}</span>
              <div className="muted">
                {collection.season} · launch {formatDay(collection.launchDate)} · {collection.designer}
              </div>
              <Link to={`/design?collection=${collection.id}&state=all`}>
                {formatCount(collection.products)} products
              </Link>
            </li>
          ))}
        </ul>
        {collections.length === 0 ? <p className="muted">No collections yet: start one.</p> : null}
      </section>

      <Form method="get" className="filters card" aria-label="Filter products">
        <label>
          Collection
          <select name="collection" defaultValue={query.collection ?? ''}>
            <option value="">Any</option>
            {collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.name} ({collection.season})
              </option>
            ))}
          </select>
        </label>
        <label>
          Skill
          <select name="skill" defaultValue={query.skill ?? ''}>
            <option value="">Any</option>
            {SKILLS.map((skill) => (
              <option key={skill} value={skill}>
                {SKILL_LABELS[skill]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Shown
          <select name="state" defaultValue={query.state}>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
            <option value="all">All</option>
          </select>
        </label>
        <label>
          Search
          <input type="search" name="q" defaultValue={query.q ?? ''} placeholder="SKU or name" />
        </label>
        <label>
          Rows
          <select name="pageSize" defaultValue={String(query.pageSize)}>
            {[25, 50, 100].map((size) => (
              <option key={size}>{size}</option>
            ))}
          </select>
        </label>
        <FilterActions resetTo="/design" />
      </Form>

      <section className="card">
        <div className="table-scroll">
          <table className="data" data-testid="products-table">
            <thead>
              <tr>
                <th>SKU</th>
                <th>Product</th>
                <th>Skill</th>
                <th className="num">Minutes</th>
                <th className="num">Piece rate</th>
                <th className="num wide-only">Wholesale</th>
                <th className="num wide-only">Retail</th>
                <th className="num wide-only">Min. lot</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td className="nowrap">
                    <Link to={`/design/products/${row.id}`}>{row.sku}</Link>
                  </td>
                  <td>
                    {row.name}
                    <span className="muted"> · {row.collectionName}</span>
                    {row.goldPlated ? (
                      <>
                        {' '}
                        <span className="badge">gold-plated</span>
                      </>
                    ) : null}
                    {row.active ? null : (
                      <>
                        {' '}
                        <span className="badge badge--bad">inactive</span>
                      </>
                    )}
                  </td>
                  <td>{SKILL_LABELS[row.requiredSkill]}</td>
                  <td className="num">{formatCount(row.labourMinutesPerUnit)}</td>
                  <td className="num nowrap">{formatKes(row.pieceRateCents)}</td>
                  <td className="num nowrap wide-only">{formatKes(row.wholesalePriceCents)}</td>
                  <td className="num nowrap wide-only">{formatKes(row.retailPriceCents)}</td>
                  <td className="num wide-only">{formatCount(row.minimumLot)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {page.rows.length === 0 ? <p className="muted">No products match these filters.</p> : null}
        <Pagination page={page.page} pageCount={page.pageCount} total={page.total} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/design" backLabel="Back to the catalogue" />;
}
