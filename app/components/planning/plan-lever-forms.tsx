import { Form } from '@remix-run/react';

import type { AssignmentRow } from '#server/planning/plan-view-rows';

type Line = AssignmentRow['lines'][number];

/**
 * The two levers on one assignment of a proposal, as plain forms (they work without JavaScript):
 * pin these units of the line here and in this week (the quantity may be changed first), or rule a
 * workshop out for the line (this one unless another code is typed).
 */
export function LineLeverForms({
  line,
  workshop,
}: {
  line: Line;
  workshop: Pick<AssignmentRow, 'workshopId' | 'code'>;
}) {
  const label = `${line.sku} for ${line.reference}`;
  return (
    <span className="plan-levers__line-forms">
      <Form method="post" className="plan-levers__inline" preventScrollReset>
        <input type="hidden" name="intent" value="pin" />
        <input type="hidden" name="orderLineId" value={line.orderLineId} />
        <input type="hidden" name="workshopId" value={workshop.workshopId} />
        <input type="hidden" name="week" value={line.week} />
        <input
          type="number"
          name="quantity"
          min={1}
          defaultValue={line.pinned > 0 ? line.pinned : line.quantity}
          aria-label={`Units of ${label} to pin in ${workshop.code}, ${line.week}`}
          className="plan-levers__quantity"
        />
        <button type="submit" className="button button--quiet" data-testid="pin-line">
          Pin
        </button>
      </Form>
      <Form method="post" className="plan-levers__inline" preventScrollReset>
        <input type="hidden" name="intent" value="rule-out" />
        <input type="hidden" name="orderLineId" value={line.orderLineId} />
        <input
          type="text"
          name="workshopCode"
          defaultValue={workshop.code}
          aria-label={`Workshop code to rule out for ${label}`}
          className="plan-levers__code"
          size={8}
        />
        <button type="submit" className="button button--quiet" data-testid="rule-out-line">
          Rule out workshop…
        </button>
      </Form>
    </span>
  );
}
