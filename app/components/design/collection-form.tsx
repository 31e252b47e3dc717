import { Form, Link, useNavigation } from '@remix-run/react';

import { COLLECTION_STATUSES } from '#server/domain/collection-status';
import type { CollectionRow } from '#server/services/catalogue/list-catalogue';

import { DayInput } from '../day-input';
import { FieldError, fieldErrorOf } from '../field-error';

const STATUS_LABELS = { draft: 'Draft', checked: 'Checked against capacity', launched: 'Launched' } as const;

/** A collection's name, season, launch day and stage, for a new collection and for an edit. */
export function CollectionForm({
  collection,
  fields,
  error,
}: {
  collection?: CollectionRow;
  fields?: Record<string, string>;
  error?: string;
}) {
  const navigation = useNavigation();
  const errorOf = (name: string) => fieldErrorOf(fields, name);
  return (
    <Form method="post" className="design-form card" aria-label="Collection" data-testid="collection-form">
      {error ? (
        <p className="notice notice--bad design-form__wide" data-testid="form-error">
          {/* A refusal that names fields is shown beside them; the page's top says only where to look. */}
          {fields && Object.keys(fields).length > 0 ? 'Not saved: check the fields marked below.' : error}
        </p>
      ) : null}
      <label>
        Name
        <input name="name" defaultValue={collection?.name} required maxLength={120} />
        <FieldError message={errorOf('name')} />
      </label>
      <label>
        Season
        <input name="season" defaultValue={collection?.season} required placeholder="SS27" maxLength={5} />
        <FieldError message={errorOf('season')} />
      </label>
      <label>
        Launch day
        <DayInput name="launchDate" defaultValue={collection?.launchDate} required />
        <FieldError message={errorOf('launchDate')} />
      </label>
      <label>
        Stage
        <select name="status" defaultValue={collection?.status ?? 'draft'}>
          {COLLECTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        <FieldError message={errorOf('status')} />
      </label>
      <div className="design-form__actions">
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {collection ? 'Save collection' : 'Create collection'}
        </button>
        <Link to="/design" className="button button--quiet">
          Back to the catalogue
        </Link>
      </div>
    </Form>
  );
}
