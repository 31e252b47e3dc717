/**
 * What a committed plan put into the world, and how the live feed and the plan pages say it.
 * Browser-safe: the server describes its audit entries with it, the page its pushed events.
 */
export interface CommittedFigures {
  jobs: number;
  units: number;
  workshops: number;
}

const countFormat = new Intl.NumberFormat('en-KE');

function countOf(count: number, noun: string): string {
  return `${countFormat.format(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** "1,509 jobs, 96,804 units, 400 workshops". */
export function describeCommittedFigures({ jobs, units, workshops }: CommittedFigures): string {
  return `${countOf(jobs, 'job')}, ${countOf(units, 'unit')}, ${countOf(workshops, 'workshop')}`;
}

/** The live feed's one entry for a whole commit: "Plan committed: 1,509 jobs, 96,804 units, 400 workshops". */
export function describePlanCommitted(figures: CommittedFigures): string {
  return `Plan committed: ${describeCommittedFigures(figures)}`;
}
