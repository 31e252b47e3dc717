import { PIN_CONFLICT_LABELS } from '../../domain/plan-levers';
import { type WeekLabel } from '../../domain/weeks';
import { type PlanDoc } from '../../models/plan';
import { type Names } from '../plan-view-rows';

/** A pin the plan could not keep, as the proposal page shows it: what, where, and why in words. */
export interface PinConflictRow {
  reference: string;
  sku: string;
  workshopCode: string;
  week: WeekLabel;
  quantity: number;
  reason: string;
  detail: string;
}

/** The plan's pin conflicts with ids turned into references, SKUs and workshop codes. */
export function buildPinConflictRows({ plan, names }: { plan: PlanDoc; names: Names }): PinConflictRow[] {
  return (plan.pinConflicts ?? []).map((conflict) => ({
    reference: names.orders.get(String(conflict.order)) ?? String(conflict.order),
    sku: names.products.get(String(conflict.product))?.sku ?? 'unknown product',
    workshopCode: names.workshops.get(String(conflict.workshop))?.code ?? String(conflict.workshop),
    week: conflict.week,
    quantity: conflict.quantity,
    reason: PIN_CONFLICT_LABELS[conflict.reason] ?? conflict.reason,
    detail: conflict.detail,
  }));
}
