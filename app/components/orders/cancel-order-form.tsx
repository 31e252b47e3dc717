import { Form, useNavigation } from '@remix-run/react';

import { CANCEL_REASON_LABELS, CANCEL_REASONS } from '#server/domain/cancel-reasons';

import { FieldError } from '../field-error';

/** The order page's cancel form: why (from the list) and a note; a refusal is said above it in words. */
export function CancelOrderForm({
  failure,
}: {
  failure: { error: string; fields: Record<string, string> } | undefined;
}) {
  const navigation = useNavigation();
  return (
    <section className="card" aria-labelledby="cancel-heading" data-testid="cancel-order">
      <h2 id="cancel-heading">Cancel this order</h2>
      <p className="muted">
        Its jobs that nobody has started are cancelled with it. Once an artisan has started work the order can no longer
        be cancelled here: that work is owed.
      </p>
      {failure && Object.keys(failure.fields).length === 0 ? (
        <p className="notice notice--bad" data-testid="cancel-refused">
          Not cancelled: {failure.error}
        </p>
      ) : null}
      <Form method="post" className="cancel-form">
        <input type="hidden" name="intent" value="cancel" />
        <label>
          Reason
          <select name="reason" required defaultValue="">
            <option value="" disabled>
              Choose a reason
            </option>
            {CANCEL_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {CANCEL_REASON_LABELS[reason]}
              </option>
            ))}
          </select>
          <FieldError message={failure?.fields.reason} />
        </label>
        <label>
          Note (needed for “Other”)
          <input name="note" maxLength={400} />
          <FieldError message={failure?.fields.note} />
        </label>
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          Cancel order
        </button>
      </Form>
    </section>
  );
}
