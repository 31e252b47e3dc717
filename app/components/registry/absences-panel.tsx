import { Form, useNavigation } from '@remix-run/react';

import type { ArtisanAbsence } from '#server/capacity/list-artisan-absences';

import { formatDay } from '../../format';
import { DayInput } from '../day-input';
import { FieldError, fieldErrorOf } from '../field-error';

/**
 * An artisan's days away as HQ manages them: those not over yet, each with a cancel button, and a
 * form to declare more. Both go through the capacity module (declareAbsence, cancelAbsence).
 */
export function AbsencesPanel({ absences, fields }: { absences: ArtisanAbsence[]; fields?: Record<string, string> }) {
  const navigation = useNavigation();
  const errorOf = (...names: string[]) => fieldErrorOf(fields, ...names);
  return (
    <section className="card" aria-labelledby="days-away">
      <h2 id="days-away">Days away</h2>
      <p className="muted">
        Working days among them leave this artisan’s hours out of the workshop’s capacity. Cancelling an absence under
        way gives back the days from today.
      </p>
      {absences.length === 0 ? (
        <p data-testid="no-absences">None declared from today on.</p>
      ) : (
        <table className="data" data-testid="absences">
          <thead>
            <tr>
              <th>From</th>
              <th>To</th>
              <th>Reason</th>
              <th aria-label="Cancel" />
            </tr>
          </thead>
          <tbody>
            {absences.map((absence) => (
              <tr key={absence.id}>
                <td className="nowrap">{formatDay(absence.from)}</td>
                <td className="nowrap">
                  {formatDay(absence.to)}
                  {absence.underWay ? <span className="badge"> under way</span> : null}
                </td>
                <td>{absence.reason ?? <span className="muted">—</span>}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="cancel" />
                    <input type="hidden" name="absenceId" value={absence.id} />
                    <button type="submit" className="button button--quiet button--small">
                      Cancel
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FieldError message={errorOf('absenceId')} />
      {/* Keyed by the list, so a declaration that went through leaves an empty form behind. */}
      <Form
        key={absences.map((absence) => absence.id).join()}
        method="post"
        className="design-form registry-absence-form"
        aria-label="Declare days away"
        data-testid="declare-absence"
      >
        <input type="hidden" name="intent" value="declare" />
        <label>
          First day away
          <DayInput name="from" required />
          <FieldError message={errorOf('from')} />
        </label>
        <label>
          Last day away
          <DayInput name="to" required />
          <FieldError message={errorOf('to')} />
        </label>
        <label>
          Reason (optional)
          <input name="reason" maxLength={200} placeholder="e.g. funeral upcountry" />
          <FieldError message={errorOf('reason')} />
        </label>
        <div className="design-form__actions">
          <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
            Declare days away
          </button>
        </div>
      </Form>
    </section>
  );
}
