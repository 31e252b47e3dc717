import { z } from 'zod';

import { calendarDayString } from '../../capacity/calendar-days';
import { type Actor } from '../../domain/actor';
import { ForbiddenError, ValidationError } from '../../domain/errors';
import { REFERENCE_WAGE_KINDS, type ReferenceWage } from '../../domain/reference-wages';
import { validateInput } from '../../domain/validate-input';
import { ReferenceWage as ReferenceWageModel } from '../../models/reference-wage';
import { actorStamp, recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';

const RecordReferenceWageInput = z.object({
  kind: z.enum(REFERENCE_WAGE_KINDS, { error: `must be one of ${REFERENCE_WAGE_KINDS.join(', ')}` }),
  monthlyCents: z
    .number()
    .int('must be whole KES cents')
    .min(100_00, 'must be at least KES 100 a month')
    .max(10_000_000_00, 'must be at most KES 10,000,000 a month'),
  source: z.string().trim().min(3, 'name where the figure comes from').max(300),
  effectiveFrom: calendarDayString,
});

/**
 * Records a minimum or living wage from its effective day (admins only). A second figure for the
 * same kind and day corrects the first; earlier figures stay for the periods they covered.
 */
export async function recordReferenceWage({
  actor,
  ...input
}: z.input<typeof RecordReferenceWageInput> & { actor: Actor }): Promise<ReferenceWage> {
  if (actor.role !== 'admin' && actor.role !== 'system')
    throw new ForbiddenError('only an administrator keeps the reference wages');
  const wage = validateInput(RecordReferenceWageInput, input);
  if (wage.effectiveFrom < '2000-01-01') throw ValidationError.forField('effectiveFrom', 'is before 2000');
  return runInTransaction(async ({ session }) => {
    const before = await ReferenceWageModel.findOne({ kind: wage.kind, effectiveFrom: wage.effectiveFrom }, null, {
      session,
      lean: true,
    });
    const saved = await ReferenceWageModel.findOneAndUpdate(
      { kind: wage.kind, effectiveFrom: wage.effectiveFrom },
      { $set: { monthlyCents: wage.monthlyCents, source: wage.source, recordedBy: actorStamp(actor) } },
      { upsert: true, returnDocument: 'after', session, lean: true },
    );
    if (!saved) throw new Error('reference wage upsert returned nothing');
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'reference_wage', id: saved._id },
      action: before ? 'reference_wage.corrected' : 'reference_wage.recorded',
      before: before ? { monthlyCents: before.monthlyCents, source: before.source } : null,
      after: { kind: wage.kind, monthlyCents: wage.monthlyCents, source: wage.source, from: wage.effectiveFrom },
    });
    return wage;
  });
}
