import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { DomainError, ForbiddenError, ValidationError } from '../../domain/errors';
import { objectIdString, weekLabelString } from '../../domain/input-schemas';
import { OPEN_ORDER_STATUSES } from '../../domain/order-status';
import { maySetPlanLevers } from '../../domain/roles';
import { validateInput } from '../../domain/validate-input';
import { Order } from '../../models/order';
import { PlanLever, planLeverKey, type PlanLeverDoc } from '../../models/plan-lever';
import { Product } from '../../models/product';
import { Workshop, type WorkshopDoc } from '../../models/workshop';
import { actorStamp, recordAuditEvent } from '../../services/audit/record-audit-event';
import { runInTransaction } from '../../services/run-in-transaction';

const SetPlanLeverInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pin'),
    orderLineId: objectIdString,
    workshopId: objectIdString,
    week: weekLabelString,
    quantity: z.coerce.number().int('must be a whole number of units').min(1, 'must be at least 1 unit'),
  }),
  z.object({
    kind: z.literal('rule-out'),
    orderLineId: objectIdString,
    workshopCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}-\d{3,4}$/, 'must be a workshop code like KIB-014'),
  }),
]);

export type SetPlanLeverInput = z.input<typeof SetPlanLeverInput>;

/** A pin and a rule-out of the same workshop for one line contradict each other. */
export class PlanLeverConflictError extends DomainError {
  override name = 'PlanLeverConflictError';
}

/**
 * Sets a planner's lever on an order line of an open order: a pin (at least `quantity` units in
 * this workshop and week; pinning the same cell again changes its quantity) or a workshop ruled
 * out for the line. Kept as planning input, audited, and announced as `plan:lever-changed`, which
 * makes proposals computed before it stale.
 */
export async function setPlanLever({
  actor,
  now,
  ...input
}: SetPlanLeverInput & { actor: Actor; now: Date }): Promise<PlanLeverDoc> {
  if (!maySetPlanLevers(actor.role)) throw new ForbiddenError(`a ${actor.role} cannot pin or rule out workshops`);
  const lever = validateInput(SetPlanLeverInput, input);
  const order = await Order.findOne(
    { 'lines._id': new Types.ObjectId(lever.orderLineId) },
    { reference: 1, status: 1, lines: 1 },
  ).lean();
  const line = order?.lines.find((candidate) => String(candidate._id) === lever.orderLineId);
  if (!order || !line) throw ValidationError.forField('orderLineId', 'is not a line of any order');
  if (!OPEN_ORDER_STATUSES.includes(order.status))
    throw new PlanLeverConflictError(`${order.reference} is ${order.status}: only open orders are planned`);

  const workshop = await findWorkshop(lever);
  if (lever.kind === 'pin') {
    if (lever.quantity > line.quantity)
      throw ValidationError.forField('quantity', `must be at most ${line.quantity}, the units of this line`);
    const product = await Product.findById(line.product, { requiredSkill: 1 }).lean();
    if (product && !workshop.skills.includes(product.requiredSkill))
      throw ValidationError.forField('workshopId', `${workshop.code} does not have the skill ${product.requiredSkill}`);
  }
  const contrary = await PlanLever.findOne({
    orderLine: line._id,
    workshop: workshop._id,
    kind: lever.kind === 'pin' ? 'rule-out' : 'pin',
  }).lean();
  if (contrary)
    throw new PlanLeverConflictError(
      lever.kind === 'pin'
        ? `${workshop.code} is ruled out for this line: remove that first`
        : `${line.sku} is pinned to ${workshop.code}: remove the pin first`,
    );

  const week = lever.kind === 'pin' ? lever.week : undefined;
  const key = planLeverKey({ kind: lever.kind, orderLine: line._id, workshop: workshop._id, week });
  return runInTransaction(async (unit) => {
    const before = await PlanLever.findOne({ key }, null, { session: unit.session }).lean();
    const fields = {
      kind: lever.kind,
      order: order._id,
      orderLine: line._id,
      product: line.product,
      workshop: workshop._id,
      ...(lever.kind === 'pin' ? { week: lever.week, quantity: lever.quantity } : {}),
      setBy: actorStamp(actor),
    };
    const saved = await PlanLever.findOneAndUpdate(
      { key },
      { $set: { key, ...fields } },
      { session: unit.session, upsert: true, returnDocument: 'after', lean: true },
    );
    if (!saved) throw new Error(`the lever ${key} was not saved`);
    await recordAuditEvent({
      session: unit.session,
      actor,
      at: now,
      entity: { kind: 'plan_lever', id: saved._id },
      action: before ? 'plan_lever.changed' : 'plan_lever.set',
      before,
      after: saved,
    });
    unit.publishAfterCommit('plan:lever-changed', {
      leverId: String(saved._id),
      orderId: String(order._id),
      orderLineId: String(line._id),
      workshopId: String(workshop._id),
      kind: lever.kind,
      change: 'set',
    });
    return saved;
  });
}

async function findWorkshop(lever: z.output<typeof SetPlanLeverInput>): Promise<WorkshopDoc> {
  const [field, workshop] =
    lever.kind === 'pin'
      ? (['workshopId', await Workshop.findById(lever.workshopId).lean()] as const)
      : (['workshopCode', await Workshop.findOne({ code: lever.workshopCode }).lean()] as const);
  if (!workshop) throw ValidationError.forField(field, 'is not a workshop of the network');
  if (!workshop.active) throw ValidationError.forField(field, `${workshop.code} is not active`);
  return workshop;
}
