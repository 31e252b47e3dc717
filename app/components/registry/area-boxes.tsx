import { NAIROBI_AREA_NAMES, type NairobiArea } from '#server/domain/nairobi-areas';

import { FieldError } from '../field-error';

/** One box per Nairobi area, named `area.<name>` (see user-forms.ts): the areas a field officer inspects. */
export function AreaBoxes({
  legend,
  checked,
  error,
}: {
  legend: string;
  checked: readonly NairobiArea[];
  error?: string;
}) {
  return (
    <fieldset className="skill-boxes">
      <legend>{legend}</legend>
      {NAIROBI_AREA_NAMES.map((area) => (
        <label key={area} className="design-form__check">
          <input type="checkbox" name={`area.${area}`} defaultChecked={checked.includes(area)} />
          {area}
        </label>
      ))}
      <FieldError message={error} />
    </fieldset>
  );
}
