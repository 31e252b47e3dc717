import { Link } from '@remix-run/react';

import type { PlanSummary } from '#server/planning/plan-summary';

import { formatCount, formatNairobiTime } from '../../format';
import { formatFulfilment, PLAN_STATUS_LABELS } from './plan-format';

export function PlanStatusBadge({ status }: { status: string }) {
  const tone = status === 'committed' ? ' badge--good' : status === 'superseded' ? ' badge--muted' : '';
  return <span className={`badge${tone}`}>{PLAN_STATUS_LABELS[status] ?? status}</span>;
}

/** Who or what made a plan, and why: "Njeri Wambui" or "automatic re-plan · 3 new orders". */
export function planOrigin(plan: PlanSummary): string {
  if (plan.trigger === 'auto') return `Suggested automatically${plan.reason ? ` · ${plan.reason}` : ''}`;
  return plan.createdBy ? `Run by ${plan.createdBy}` : 'Run by a planner';
}

/** "2026-W47 – W49" */
export function formatWeekRange({ startWeek, endWeek }: { startWeek: string; endWeek: string }): string {
  if (startWeek === endWeek) return startWeek;
  return `${startWeek} – ${endWeek.slice(0, 4) === startWeek.slice(0, 4) ? endWeek.slice(5) : endWeek}`;
}

/** A table of plans, newest first, each linking to its page. */
export function PlanTable({ plans, caption, testId }: { plans: PlanSummary[]; caption: string; testId?: string }) {
  if (plans.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th>Computed</th>
            <th>Status</th>
            <th>Origin</th>
            <th>Weeks</th>
            <th className="num">Placed</th>
            <th className="num">Unplaced</th>
            <th className="num">Fulfilment</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.id}>
              <td>
                <Link to={`/planning/${plan.id}`}>{formatNairobiTime(plan.createdAt)}</Link>
              </td>
              <td>
                <PlanStatusBadge status={plan.status} />
              </td>
              <td>{planOrigin(plan)}</td>
              <td>{formatWeekRange(plan)}</td>
              <td className="num">{formatCount(plan.placedUnits)}</td>
              <td className="num">{formatCount(plan.unplacedUnits)}</td>
              <td className="num">{formatFulfilment(plan.fulfilment)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
