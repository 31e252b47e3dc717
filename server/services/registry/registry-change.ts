import { type ClientSession, type Types } from 'mongoose';

import { DomainError, ValidationError } from '../../domain/errors';
import { UNFINISHED_JOB_STATUSES } from '../../domain/job-status';
import { type Skill, SKILL_LABELS } from '../../domain/skills';
import { type WeekLabel } from '../../domain/weeks';
import { Job } from '../../models/job';
import { MAX_HORIZON_WEEKS, planningHorizon } from '../../planning/planning-horizon';

/**
 * The weeks a registry change (hours, skills, an artisan or workshop joining or leaving) moves:
 * every week capacity is read for from now on, as far as any plan or check looks ahead.
 */
export function weeksChangedFrom(now: Date): WeekLabel[] {
  return planningHorizon({ now, weeks: MAX_HORIZON_WEEKS }).labels;
}

/**
 * Refuses to take an artisan or a workshop out of the network while work given to them is not
 * made yet (offered, accepted, in progress, or failed and waiting for rework): those units would
 * be stranded with nobody planned to make them. The planner finishes, declines or cancels them first.
 */
export async function refuseWhileWorkIsOpen({
  session,
  filter,
  who,
}: {
  session: ClientSession;
  filter: { artisan: Types.ObjectId } | { workshop: Types.ObjectId };
  who: string;
}): Promise<void> {
  const open = await Job.aggregate<{ _id: string; count: number }>(
    [
      { $match: { ...filter, status: { $in: [...UNFINISHED_JOB_STATUSES] } } },
      { $group: { _id: '$status', count: { $sum: 1 } } },
    ],
    { session },
  );
  const total = open.reduce((sum, row) => sum + row.count, 0);
  if (total === 0) return;
  const parts = open
    .sort((a, b) => UNFINISHED_JOB_STATUSES.indexOf(a._id as never) - UNFINISHED_JOB_STATUSES.indexOf(b._id as never))
    .map((row) => `${row.count} ${row._id.replace('_', ' ')}`);
  // A plain DomainError: a 409, whose message names the count for the page.
  throw new DomainError(
    `${who} still has ${total} open job${total === 1 ? '' : 's'} (${parts.join(', ')}): finish, decline or cancel ${total === 1 ? 'it' : 'them'} first`,
  );
}

/**
 * Capacity counts an artisan's skill only where their workshop has it: a skill outside it would
 * add nothing. Refused under `field`, the form field that brought the mismatch.
 */
export function refuseSkillsOutsideWorkshop({
  skills,
  workshop,
  field,
}: {
  skills: readonly Skill[];
  workshop: { code: string; skills: readonly string[] };
  field: string;
}): void {
  const outside = skills.filter((skill) => !workshop.skills.includes(skill));
  if (outside.length > 0)
    throw ValidationError.forField(
      field,
      `${outside.map((skill) => SKILL_LABELS[skill]).join(', ')} ${outside.length === 1 ? 'is' : 'are'} not among ${workshop.code}’s skills: add ${outside.length === 1 ? 'it' : 'them'} to the workshop first`,
    );
}
