import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../domain/actor';
import { NotFoundError, ValidationError } from '../domain/errors';
import { objectIdString } from '../domain/input-schemas';
import { validateInput } from '../domain/validate-input';
import { Absence, type AbsenceDoc } from '../models/absence';
import { Artisan } from '../models/artisan';
import { actorStamp, recordAuditEvent } from '../services/audit/record-audit-event';
import { runInTransaction } from '../services/run-in-transaction';
import { assertMayManageAbsence } from './absence-permissions';
import { calendarDayString, daysSpanned, nairobiToday, weeksOfDays } from './calendar-days';

/** Longer than this, an artisan is better paused than away. */
export const MAX_ABSENCE_DAYS = 120;

const DeclareAbsenceInput = z
  .object({
    artisanId: objectIdString,
    from: calendarDayString,
    to: calendarDayString,
    reason: z.string().trim().min(1, 'say why, or leave it out').max(200).optional(),
    now: z.date({ error: 'must be the instant the absence is declared' }),
  })
  .superRefine((input, context) => {
    if (input.to < input.from) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must be on or after from' });
    } else if (daysSpanned(input) > MAX_ABSENCE_DAYS) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `is more than ${MAX_ABSENCE_DAYS} days after from; pause the artisan instead`,
      });
    }
    if (input.to < nairobiToday(input.now)) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'is in the past' });
    }
  });

export type DeclareAbsenceInput = z.input<typeof DeclareAbsenceInput>;

/**
 * Records days an artisan will be away (Nairobi calendar days, both ends included); capacity
 * leaves their working days out of the artisan's weeks. Workshop pages and the re-planner hear
 * of it through `capacity:changed` once the transaction has committed.
 */
export async function declareAbsence({ actor, ...input }: DeclareAbsenceInput & { actor: Actor }): Promise<AbsenceDoc> {
  const { artisanId, from, to, reason, now } = validateInput(DeclareAbsenceInput, input);
  assertMayManageAbsence({ actor, artisanId });

  return runInTransaction(async (unit) => {
    const { session } = unit;
    const artisan = await Artisan.findById(artisanId, { workshop: 1, status: 1 }, { session, lean: true });
    if (!artisan) throw new NotFoundError('artisan', artisanId);
    if (artisan.status === 'left') throw ValidationError.forField('artisanId', 'this artisan has left the network');
    // Overlapping days would count once anyway; refusing them keeps the artisan's list readable.
    const overlapping = await Absence.findOne(
      { artisan: artisan._id, from: { $lte: to }, to: { $gte: from } },
      { from: 1, to: 1 },
      { session, lean: true },
    );
    if (overlapping) {
      throw ValidationError.forField(
        'from',
        `overlaps the days away already declared from ${overlapping.from} to ${overlapping.to}`,
      );
    }

    const [absence] = await Absence.create(
      [
        {
          _id: new Types.ObjectId(),
          artisan: artisan._id,
          workshop: artisan.workshop,
          from,
          to,
          ...(reason ? { reason } : {}),
          createdBy: actorStamp(actor),
        },
      ],
      { session },
    );
    const weeks = weeksOfDays({ from, to });
    await recordAuditEvent({
      session,
      actor,
      at: now,
      entity: { kind: 'absence', id: absence._id },
      action: 'absence.declared',
      after: { artisan: artisan._id, workshop: artisan.workshop, from, to, weeks },
    });
    unit.publishAfterCommit('capacity:changed', { workshopIds: [String(artisan.workshop)], weeks });
    return absence.toObject();
  });
}
