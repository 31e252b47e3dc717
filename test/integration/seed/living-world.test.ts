import { describe, expect, it } from 'vitest';

import { assessPieceRate } from '#server/domain/fair-piece-rate';
import { isJobLate } from '#server/domain/job-lateness';
import { UNFINISHED_JOB_STATUSES } from '#server/domain/job-status';
import { DEFAULT_REFERENCE_WAGES } from '#server/domain/reference-wages';
import { isoWeekLabel } from '#server/domain/weeks';
import { generateDemoNetwork, type DemoNetwork } from '#server/seed/generate-demo-network';

// Wednesday 2 December 2026, 12:30 in Nairobi, and the Saturday after it at 10:00.
const WEDNESDAY = new Date('2026-12-02T09:30:00Z');
const SATURDAY = new Date('2026-12-05T07:00:00Z');
const options = { seed: 'living-world', artisans: 200, weeks: 5 };
const generated = new Map<number, Promise<DemoNetwork>>();
/** Each network is built once for the whole file: building is what takes the time. */
function networkAt(referenceDate: Date): Promise<DemoNetwork> {
  const key = referenceDate.getTime();
  if (!generated.has(key)) generated.set(key, generateDemoNetwork({ ...options, referenceDate }));
  return generated.get(key) as Promise<DemoNetwork>;
}

const unitsOf = (jobs: DemoNetwork['jobs']) => jobs.reduce((sum, job) => sum + job.quantity, 0);

function lateShare(network: DemoNetwork, now: Date) {
  const late = unitsOf(network.jobs.filter((job) => isJobLate(job, now)));
  const unfinished = unitsOf(network.jobs.filter((job) => UNFINISHED_JOB_STATUSES.includes(job.status)));
  const unplanned = network.orders
    .filter((order) => order.status === 'open')
    .flatMap((order) => order.lines)
    .reduce((sum, line) => sum + line.quantity, 0);
  return late / (unfinished + unplanned);
}

describe('the demo network as of its reference time', () => {
  it('has nothing happen after its reference time', async () => {
    const network = await networkAt(WEDNESDAY);
    const moments = [
      ...network.jobs.flatMap((job) => job.statusHistory.map((change) => change.at)),
      ...network.inspections.map((inspection) => inspection.inspectedAt),
      ...network.payments.map((payment) => payment.paidAt as Date),
      ...network.orders.map((order) => order.placedAt),
    ];
    expect(moments.every((at) => at <= WEDNESDAY)).toBe(true);
  });

  it('gives the same network for the same seed and time, and a further-progressed one later', async () => {
    const first = await networkAt(WEDNESDAY);
    const again = await generateDemoNetwork({ ...options, referenceDate: new Date(WEDNESDAY) });
    expect(JSON.stringify(again.jobs)).toBe(JSON.stringify(first.jobs));
    const saturday = await networkAt(SATURDAY);
    const week = isoWeekLabel(WEDNESDAY);
    const madeShare = (network: DemoNetwork) => {
      const current = network.jobs.filter((job) => job.plannedWeek === week && job.status !== 'declined');
      const made = current.filter((job) => !UNFINISHED_JOB_STATUSES.includes(job.status));
      return unitsOf(made) / unitsOf(current);
    };
    // By the day: on Wednesday little of the week's work has reached QC, by Saturday most has.
    expect(madeShare(first)).toBeLessThan(0.2);
    expect(madeShare(saturday)).toBeGreaterThan(0.75);
  });

  it('has a few percent of its open units late, whatever the day', async () => {
    for (const now of [WEDNESDAY, SATURDAY]) {
      const share = lateShare(await networkAt(now), now);
      expect(share).toBeGreaterThan(0.003);
      expect(share).toBeLessThan(0.08);
    }
  });

  it('has paid every job that passed QC before today, and none of today’s', async () => {
    const network = await networkAt(SATURDAY);
    const todayStarted = new Date('2026-12-04T21:00:00Z');
    const passedBeforeToday = network.jobs.filter((job) => job.passedAt && job.passedAt < todayStarted);
    expect(passedBeforeToday.length).toBeGreaterThan(100);
    expect(passedBeforeToday.filter((job) => job.status !== 'paid')).toEqual([]);
    const yesterday = network.payments.filter(
      (payment) => (payment.paidAt as Date) >= new Date('2026-12-03T21:00:00Z'),
    );
    expect(yesterday.length).toBeGreaterThan(0);
  });

  it('pays piece rates that earn around and mostly above the minimum wage, some the living wage', async () => {
    const { products } = await networkAt(WEDNESDAY);
    const standings = products.map((product) =>
      assessPieceRate({
        pieceRateCents: product.pieceRateCents,
        labourMinutesPerUnit: product.labourMinutesPerUnit,
        wholesalePriceCents: product.wholesalePriceCents,
        retailPriceCents: product.retailPriceCents,
        wages: DEFAULT_REFERENCE_WAGES,
      })!,
    );
    const share = (standing: string) =>
      standings.filter((entry) => entry.standing === standing).length / products.length;
    expect(share('below-minimum')).toBeLessThan(0.1);
    expect(share('living')).toBeGreaterThan(0.1);
    expect(share('living')).toBeLessThan(0.5);
    // No hourly figure of the old share-of-retail rates (about KES 970 an hour).
    expect(Math.max(...standings.map((entry) => entry.hourlyCents))).toBeLessThan(30_000);
    for (const entry of standings) {
      expect(entry.shareOfWholesale).toBeGreaterThan(0.25);
      expect(entry.shareOfWholesale).toBeLessThan(0.35);
    }
  });
});
