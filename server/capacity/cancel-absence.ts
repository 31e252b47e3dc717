import { z } from 'zod';

import { type Actor } from '../domain/actor';
import { DomainError, NotFoundError } from '../domain/errors';
import { objectIdString } from '../domain/input-schemas';
import { validateInput } from '../domain/validate-input';
import { Absence } from '../models/absence';
import { recordAuditEvent } from '../services/audit/record-audit-event';
import { runInTransaction } from '../services/run-in-transaction';
import { assertMayManageAbsence } from './absence-permissions';
import { dayBefore, nairobiToday, weeksOfDays } from './calendar-days';

const CancelAbsenceInput = z.object({
  absenceId: objectIdString,
  now: z.date({ error: 'must be the instant the absence is cancelled' }),
});

export type CancelAbsenceInput = z.input<typeof CancelAbsenceInput>;

/**
 * Gives an artisan's days away back to capacity. Days already past stay on record: an absence
 * under way is cut short to end yesterday, one not begun is removed, one over is history and
 * cannot be cancelled.
 */
export async function cancelAbsence({
  actor,
  ...input
}: CancelAbsenceInput & { actor: Actor }): Promise<{ absenceId: string; removed: boolean; to: string | null }> {
  const { absenceId, now } = validateInput(CancelAbsenceInput, input);
  const today = nairobiToday(now);

  return runInTransaction(async (unit) => {
    const { session } = unit;
    const absence = await Absence.findById(absenceId, null, { session, lean: true });
    if (!absence) throw new NotFoundError('absence', absenceId);
    assertMayManageAbsence({ actor, artisanId: String(absence.artisan) });
    if (absence.to < today) throw new DomainError(`the absence from ${absence.from} to ${absence.to} is over`);

    const removed = absence.from >= today;
    const to = removed ? null : dayBefore(today);
    if (removed) await Absence.deleteOne({ _id: absence._id }, { session });
    else await Absence.updateOne({ _id: absence._id }, { $set: { to } }, { session });

    const weeks = weeksOfDays({ from: removed ? absence.from : today, to: absence.to });
    await recordAuditEvent({
      session,
      actor,
      at: now,
      entity: { kind: 'absence', id: absence._id },
      action: 'absence.cancelled',
      before: { from: absence.from, to: absence.to },
      after: removed ? null : { from: absence.from, to },
    });
    unit.publishAfterCommit('capacity:changed', { workshopIds: [String(absence.workshop)], weeks });
    return { absenceId, removed, to };
  });
}
