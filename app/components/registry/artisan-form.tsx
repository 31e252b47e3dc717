import { Form, Link, useNavigation } from '@remix-run/react';

import { ARTISAN_STATUSES } from '#server/domain/artisan-status';
import { GENDER_NAMES, GENDERS } from '#server/domain/genders';
import { LANGUAGE_NAMES, LANGUAGES } from '#server/domain/languages';
import type { Skill } from '#server/domain/skills';
import type { ArtisanRecord } from '#server/services/registry/read-registry';

import { FieldError, fieldErrorOf } from '../field-error';
import { FormFailure } from './form-failure';
import { SkillBoxes } from './skill-boxes';

const STATUS_WORDS = {
  active: 'Active: offers these hours',
  paused: 'Paused: away for a while',
  left: 'Left the network: their sign-in is closed',
} as const satisfies Record<(typeof ARTISAN_STATUSES)[number], string>;

/** An artisan's fields, for a new artisan (no `artisan`) and for an edit; skills are the workshop's. */
export function ArtisanForm({
  artisan,
  workshopSkills,
  fields,
  error,
  cancelTo,
}: {
  artisan?: ArtisanRecord;
  workshopSkills: readonly Skill[];
  fields?: Record<string, string>;
  error?: string;
  cancelTo: string;
}) {
  const navigation = useNavigation();
  const errorOf = (...names: string[]) => fieldErrorOf(fields, ...names);
  return (
    <Form method="post" className="design-form card" aria-label="Artisan" data-testid="artisan-form">
      <input type="hidden" name="intent" value="save" />
      <FormFailure error={error} fields={fields} />
      <label>
        Name
        <input name="name" defaultValue={artisan?.name} required maxLength={120} />
        <FieldError message={errorOf('name')} />
      </label>
      <label>
        Gender
        <select name="gender" defaultValue={artisan?.gender ?? ''} required>
          <option value="" disabled>
            Choose…
          </option>
          {GENDERS.map((gender) => (
            <option key={gender} value={gender}>
              {GENDER_NAMES[gender]}
            </option>
          ))}
        </select>
        <FieldError message={errorOf('gender')} />
      </label>
      <label>
        M-Pesa phone
        <input
          name="phone"
          type="tel"
          defaultValue={artisan?.phone}
          required
          maxLength={20}
          placeholder="0712 345 678"
        />
        <FieldError message={errorOf('phone')} />
      </label>
      <label>
        Hours a week
        <input
          name="weeklyHours"
          inputMode="decimal"
          defaultValue={artisan?.weeklyHours}
          required
          maxLength={5}
          placeholder="25"
        />
        <FieldError message={errorOf('weeklyHours')} />
      </label>
      <label>
        Language of their SMS
        <select name="language" defaultValue={artisan?.language ?? 'en'}>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </select>
        <FieldError message={errorOf('language')} />
      </label>
      <label>
        Status
        <select name="status" defaultValue={artisan?.status ?? 'active'}>
          {ARTISAN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_WORDS[status]}
            </option>
          ))}
        </select>
        <FieldError message={errorOf('status')} />
      </label>
      <SkillBoxes
        legend="Skills (of the workshop’s)"
        checked={artisan?.skills ?? []}
        offered={workshopSkills}
        error={errorOf('skills')}
      />
      <div className="design-form__actions">
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {artisan ? 'Save the artisan' : 'Add the artisan'}
        </button>
        <Link to={cancelTo}>Cancel</Link>
      </div>
    </Form>
  );
}
