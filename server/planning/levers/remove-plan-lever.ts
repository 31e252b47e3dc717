import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { maySetPlanLevers } from '../../domain/roles';
import { validateInput } from '../../domain/validate-input';
import { PlanLever } from '../../models/plan-lever';
import { recordAuditEvent } from '../../services/audit/record-audit-event';
import { runInTransaction } from '../../services/run-in-transaction';

const RemovePlanLeverInput = z.object({ leverId: objectIdString });

/** Removes a pin or a rule-out: the next plan run is free of it again. Audited and announced. */
export async function removePlanLever({
  actor,
  now,
  ...input
}: z.input<typeof RemovePlanLeverInput> & { actor: Actor; now: Date }): Promise<void> {
  if (!maySetPlanLevers(actor.role)) throw new ForbiddenError(`a ${actor.role} cannot remove pins`);
  const { leverId } = validateInput(RemovePlanLeverInput, input);
  await runInTransaction(async (unit) => {
    const lever = await PlanLever.findOneAndDelete(
      { _id: new Types.ObjectId(leverId) },
      { session: unit.session, lean: true },
    );
    if (!lever) throw new NotFoundError('pin', leverId);
    await recordAuditEvent({
      session: unit.session,
      actor,
      at: now,
      entity: { kind: 'plan_lever', id: lever._id },
      action: 'plan_lever.removed',
      before: lever,
      after: null,
    });
    unit.publishAfterCommit('plan:lever-changed', {
      leverId,
      orderId: String(lever.order),
      orderLineId: String(lever.orderLine),
      workshopId: String(lever.workshop),
      kind: lever.kind,
      change: 'removed',
    });
  });
}
