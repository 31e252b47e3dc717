/**
 * How far loading the demo network has come, for the preparing and first-run pages: a phase in
 * words a person understands and the fraction of the whole load done (0–1, never going back).
 */
export const SEED_PHASES = {
  building: 'Building the network: workshops, artisans, a year of orders and jobs',
  clearing: 'Clearing the database',
  writing: 'Writing the network to the database',
  indexing: 'Building the database indexes',
  done: 'The demo network is ready',
} as const;

export type SeedPhase = keyof typeof SEED_PHASES;

export interface SeedProgress {
  phase: SeedPhase;
  label: string;
  fraction: number;
}

export type SeedProgressListener = (progress: SeedProgress) => void;

/**
 * Shares of the load each phase takes, measured on the full network: building is about a third
 * of the time, writing about half, the indexes the rest.
 */
const PHASE_SPANS: Record<SeedPhase, [number, number]> = {
  building: [0, 0.35],
  clearing: [0.35, 0.37],
  writing: [0.37, 0.88],
  indexing: [0.88, 0.999],
  done: [1, 1],
};

/** Reports progress through `listener`, turning "a share of this phase" into the fraction of the whole load. */
export function createSeedProgress(listener: SeedProgressListener | undefined) {
  let last = 0;
  return (phase: SeedPhase, shareOfPhase = 0) => {
    const [start, end] = PHASE_SPANS[phase];
    const fraction = Math.max(last, start + (end - start) * Math.min(1, Math.max(0, shareOfPhase)));
    last = fraction;
    listener?.({ phase, label: SEED_PHASES[phase], fraction });
  };
}
