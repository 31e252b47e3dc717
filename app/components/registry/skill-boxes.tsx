import { SKILL_LABELS, SKILLS, type Skill } from '#server/domain/skills';

import { FieldError } from '../field-error';

/**
 * One box per skill, named `skill.<id>` (a form repeats no name: see registry-forms.ts). `offered`
 * limits the boxes to a workshop's skills on an artisan's form.
 */
export function SkillBoxes({
  legend,
  checked,
  offered = SKILLS,
  error,
}: {
  legend: string;
  checked: readonly Skill[];
  offered?: readonly Skill[];
  error?: string;
}) {
  return (
    <fieldset className="skill-boxes">
      <legend>{legend}</legend>
      {offered.map((skill) => (
        <label key={skill} className="design-form__check">
          <input type="checkbox" name={`skill.${skill}`} defaultChecked={checked.includes(skill)} />
          {SKILL_LABELS[skill]}
        </label>
      ))}
      <FieldError message={error} />
    </fieldset>
  );
}
