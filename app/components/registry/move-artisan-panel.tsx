import { Form, useNavigation } from '@remix-run/react';

import { SKILL_LABELS, type Skill } from '#server/domain/skills';
import type { WorkshopChoice } from '#server/services/registry/read-registry';

import { FieldError, fieldErrorOf } from '../field-error';

/**
 * Moving an artisan to another workshop of the network, grouped by area. Only workshops doing
 * every one of their skills are offered; the service checks again (and the open work) and says why.
 */
export function MoveArtisanPanel({
  name,
  skills,
  currentWorkshopId,
  workshops,
  fields,
}: {
  name: string;
  skills: readonly Skill[];
  currentWorkshopId: string;
  workshops: readonly WorkshopChoice[];
  fields?: Record<string, string>;
}) {
  const navigation = useNavigation();
  const fitting = workshops.filter(
    (workshop) => workshop.id !== currentWorkshopId && skills.every((skill) => workshop.skills.includes(skill)),
  );
  const areas = [...new Set(fitting.map((workshop) => workshop.area))];
  const error = fieldErrorOf(fields, 'workshopId');
  return (
    <section className="card" aria-labelledby="move-artisan">
      <h2 id="move-artisan">Move to another workshop</h2>
      <p className="muted">
        {name}’s hours leave this workshop’s capacity and join the other’s. Work given to this workshop stays here:
        finish, decline or cancel open jobs first.
      </p>
      {fitting.length === 0 ? (
        <p data-testid="no-workshop-to-move-to">
          No other active workshop does {skills.map((skill) => SKILL_LABELS[skill]).join(' and ')}.
        </p>
      ) : (
        <Form method="post" className="design-form" data-testid="move-artisan-form">
          <input type="hidden" name="intent" value="move" />
          <label>
            Workshop
            <select name="workshopId" required defaultValue="" aria-invalid={error ? true : undefined}>
              <option value="" disabled>
                Choose a workshop
              </option>
              {areas.map((area) => (
                <optgroup key={area} label={area}>
                  {fitting
                    .filter((workshop) => workshop.area === area)
                    .map((workshop) => (
                      <option key={workshop.id} value={workshop.id}>
                        {`${workshop.code} · ${workshop.name}`}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <FieldError message={error} />
          </label>
          <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
            {`Move ${name}`}
          </button>
        </Form>
      )}
    </section>
  );
}
