import { type WeekLabel } from '../domain/weeks';
import { type PlanDoc } from '../models/plan';
import { type Names } from './plan-view-rows';

/** One line of an incremental re-plan's diff as the proposal page shows it. */
export interface ReplanMoveRow {
  orderId: string;
  reference: string;
  sku: string;
  /** Null for new work. */
  from: { code: string; week: WeekLabel } | null;
  /** Null for work no longer placed. */
  to: { code: string; week: WeekLabel } | null;
  units: number;
}

/** The re-plan's moves with ids turned into references, SKUs and workshop codes, in the order kept. */
export function buildReplanMoveRows({ plan, names }: { plan: PlanDoc; names: Names }): ReplanMoveRow[] {
  const codeOf = (id: unknown) => names.workshops.get(String(id))?.code ?? String(id);
  return (plan.incremental?.moves ?? []).map((move) => {
    const orderId = String(move.order);
    return {
      orderId,
      reference: names.orders.get(orderId) ?? orderId,
      sku: names.products.get(String(move.product))?.sku ?? 'unknown product',
      from: move.fromWorkshop && move.fromWeek ? { code: codeOf(move.fromWorkshop), week: move.fromWeek } : null,
      to: move.toWorkshop && move.toWeek ? { code: codeOf(move.toWorkshop), week: move.toWeek } : null,
      units: move.units,
    };
  });
}
