import { Form, Link, useNavigation } from '@remix-run/react';

import { NAIROBI_AREA_NAMES } from '#server/domain/nairobi-areas';
import type { WorkshopRecord } from '#server/services/registry/read-registry';

import { FieldError, fieldErrorOf } from '../field-error';
import { FormFailure } from './form-failure';
import { SkillBoxes } from './skill-boxes';

/** A workshop's fields, for a new workshop (no `workshop`) and for an edit. */
export function WorkshopForm({
  workshop,
  fields,
  error,
  cancelTo,
}: {
  workshop?: WorkshopRecord;
  fields?: Record<string, string>;
  error?: string;
  cancelTo: string;
}) {
  const navigation = useNavigation();
  const errorOf = (...names: string[]) => fieldErrorOf(fields, ...names);
  return (
    <Form method="post" className="design-form card" aria-label="Workshop" data-testid="workshop-form">
      <FormFailure error={error} fields={fields} />
      <label>
        Code
        <input name="code" defaultValue={workshop?.code} required maxLength={8} placeholder="KIB-014" />
        <FieldError message={errorOf('code')} />
      </label>
      <label>
        Name
        <input name="name" defaultValue={workshop?.name} required maxLength={120} placeholder="Tumaini Artisans" />
        <FieldError message={errorOf('name')} />
      </label>
      <label>
        Area
        <select name="area" defaultValue={workshop?.area ?? ''} required>
          <option value="" disabled>
            Choose…
          </option>
          {NAIROBI_AREA_NAMES.map((area) => (
            <option key={area}>{area}</option>
          ))}
        </select>
        <FieldError message={errorOf('area')} />
      </label>
      <label>
        Phone (the lead’s)
        <input
          name="phone"
          type="tel"
          defaultValue={workshop?.phone}
          required
          maxLength={20}
          placeholder="0712 345 678"
        />
        <FieldError message={errorOf('phone')} />
      </label>
      <SkillBoxes legend="Skills the workshop offers" checked={workshop?.skills ?? []} error={errorOf('skills')} />
      <label className="design-form__check">
        <input type="checkbox" name="active" defaultChecked={workshop?.active ?? true} />
        Active: takes work from the network
      </label>
      <FieldError message={errorOf('active')} />
      <div className="design-form__actions">
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {workshop ? 'Save the workshop' : 'Add the workshop'}
        </button>
        <Link to={cancelTo}>Cancel</Link>
      </div>
    </Form>
  );
}
