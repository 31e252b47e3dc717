import { SKILLS } from '#server/domain/skills';

import { type ProblemInput } from '../../optimizer';

// Deterministic SOKO-like planning problems for the optimizer benchmark and reference tests.
// Workshops are home-based groups of 3–9 artisans working in one trade (brass, carving, wood,
// beads), some with a neighbouring skill; jobs are order lines for catalogue products whose
// labour minutes and piece rates vary by skill. Demand per skill follows the network's capacity
// for it, scaled to the requested load.

// The network's skills are the domain's own list, so the benchmark speaks the same ids.
export { SKILLS };

const TRADES: Array<{ share: number; skillSets: string[][] }> = [
  {
    share: 0.4,
    skillSets: [
      ['brass-casting'],
      ['brass-forming'],
      ['recycled-brass-finishing'],
      ['brass-casting', 'brass-forming'],
      ['brass-forming', 'recycled-brass-finishing'],
      ['brass-casting', 'brass-forming', 'recycled-brass-finishing'],
    ],
  },
  {
    share: 0.25,
    skillSets: [['horn-carving'], ['bone-carving'], ['horn-carving', 'bone-carving'], ['bone-carving', 'wood-turning']],
  },
  { share: 0.1, skillSets: [['wood-turning'], ['wood-turning', 'horn-carving']] },
  {
    share: 0.25,
    skillSets: [
      ['ceramic-beads'],
      ['beading-wire-work'],
      ['ceramic-beads', 'beading-wire-work'],
      ['beading-wire-work', 'recycled-brass-finishing'],
    ],
  },
];

/**
 * KES cents per labour minute, by skill, before product-level variation (±15%). Piece rates are
 * set from labour minutes at a near-uniform wage, with a little more for the harder skills.
 */
const CENTS_PER_MINUTE: Record<string, number> = {
  'brass-casting': 380,
  'brass-forming': 370,
  'recycled-brass-finishing': 350,
  'horn-carving': 370,
  'bone-carving': 370,
  'wood-turning': 355,
  'ceramic-beads': 345,
  'beading-wire-work': 350,
};

export interface InstanceSettings {
  seed: number;
  workshops: number;
  jobs: number;
  weeks: number;
  /** Demanded minutes over free capacity minutes. */
  load: number;
  /** 'mixed': lots and split limits of every kind; 'small': small lots, generous splits. */
  lots: 'mixed' | 'small';
  /**
   * 'trades': SOKO's trades and their neighbouring skills (16 skill sets); 'pairs': any one of the
   * skills, or for about a third of the workshops any pair of them (up to 36 skill sets).
   */
  skillSets?: 'trades' | 'pairs';
  start?: string;
}

/** mulberry32: small, fast, and the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `items` in a random order (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    [copy[i], copy[k]] = [copy[k], copy[i]];
  }
  return copy;
}

export function generatePlanningProblem(settings: InstanceSettings): ProblemInput {
  const random = seededRandom(settings.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const start = settings.start ?? '2026-11-23';

  const workshops = Array.from({ length: settings.workshops }, (_, i) => {
    // NOTE: the trade is drawn first and its skill set last, as the benchmark always has, so the
    // SOKO-scale instance stays the one the README's figures were measured on.
    const chooseSkills = settings.skillSets === 'pairs' ? pickSkillPair(random) : pickTrade(random);
    const artisans = between(3, 9);
    const availability = 0.7 + random() * 0.3;
    const capacityMinutes = Array.from({ length: settings.weeks }, (_, week) => {
      const committed = random() * Math.max(0, 0.4 - 0.15 * week);
      return Math.round((artisans * 1800 * availability * (1 - committed)) / 10) * 10;
    });
    const id = `W${String(i + 1).padStart(Math.max(3, String(settings.workshops).length), '0')}`;
    return { id, skills: chooseSkills(), artisans, capacityMinutes };
  });

  // Capacity per skill (a multi-skill workshop counts towards each of its skills equally).
  const skillCapacity = new Map<string, number>(SKILLS.map((skill) => [skill, 0]));
  let totalCapacity = 0;
  for (const workshop of workshops) {
    const minutes = workshop.capacityMinutes.reduce((sum, m) => sum + m, 0);
    totalCapacity += minutes;
    for (const skill of workshop.skills)
      skillCapacity.set(skill, skillCapacity.get(skill)! + minutes / workshop.skills.length);
  }
  const catalogue = new Map(
    SKILLS.map((skill) => [
      skill,
      Array.from({ length: 10 }, () => {
        const minutesPerUnit = between(6, 80);
        const cents = CENTS_PER_MINUTE[skill] * (0.85 + random() * 0.3) * minutesPerUnit;
        return { minutesPerUnit, pieceRateCents: Math.round(cents / 50) * 50 };
      }),
    ]),
  );

  const meanJobMinutes = (settings.load * totalCapacity) / settings.jobs;
  const weekEnd = (week: number) => addDays(start, 7 * week + 6);
  // Each order line goes to the skill furthest below its share of the demand, so every skill's
  // demand tracks its capacity: the load is the same everywhere, not just on average.
  const demanded = new Map<string, number>(SKILLS.map((skill) => [skill, 0]));
  const jobs = Array.from({ length: settings.jobs }, (_, i) => {
    const skill = SKILLS.reduce((best, candidate) =>
      demanded.get(candidate)! / (skillCapacity.get(candidate)! || 1) <
      demanded.get(best)! / (skillCapacity.get(best)! || 1)
        ? candidate
        : best,
    );
    const product = pick(catalogue.get(skill)!);
    const size = meanJobMinutes * Math.exp(0.6 * normal(random) - 0.18);
    const quantity = Math.max(1, Math.round(size / product.minutesPerUnit));
    demanded.set(skill, demanded.get(skill)! + quantity * product.minutesPerUnit);
    const dueWeek = pickWeighted(random, settings.weeks);
    const dueDate = random() < 0.1 ? addDays(weekEnd(dueWeek), between(1, 5)) : weekEnd(dueWeek);
    const released = random() < 0.15 && settings.weeks > 1;
    const priorityRoll = random();
    const job = {
      id: `J${String(i + 1).padStart(Math.max(4, String(settings.jobs).length), '0')}`,
      skill,
      quantity,
      minutesPerUnit: product.minutesPerUnit,
      pieceRateCents: product.pieceRateCents,
      dueDate,
      ...(released ? { releaseDate: addDays(start, between(1, 6)) } : {}),
      priority: priorityRoll < 0.6 ? 1 : priorityRoll < 0.9 ? 2 : 3,
      ...lotRules({ random, quantity, lots: settings.lots }),
    };
    return job;
  });
  return {
    horizon: { start, weeks: settings.weeks },
    workshops,
    jobs,
    options: { timeLimitMs: 30_000, fairness: true },
  };
}

/** Draws a trade now and returns how to draw its skill set later. */
function pickTrade(random: () => number): () => string[] {
  let roll = random();
  const trade = TRADES.find((candidate) => (roll -= candidate.share) < 0) ?? TRADES[0];
  return () => [...trade.skillSets[Math.floor(random() * trade.skillSets.length)]];
}

/** Draws one skill, or a pair for about a third of the workshops. */
function pickSkillPair(random: () => number): () => string[] {
  const first = SKILLS[Math.floor(random() * SKILLS.length)];
  if (random() >= 1 / 3) return () => [first];
  const others = SKILLS.filter((skill) => skill !== first);
  return () => [first, others[Math.floor(random() * others.length)]];
}

function lotRules({ random, quantity, lots }: { random: () => number; quantity: number; lots: 'mixed' | 'small' }) {
  const roll = random();
  if (lots === 'small') {
    const minLot = Math.min(quantity, [1, 2, 5, 10][Math.floor(random() * 4)]);
    return roll < 0.5 ? { minLot } : { minLot, maxSplit: 3 + Math.floor(random() * 3) };
  }
  const minLot = [1, 1, 5, 10, 20, 50][Math.floor(random() * 6)];
  const maxSplit = roll < 0.4 ? null : [1, 2, 2, 3][Math.floor(random() * 4)];
  return { minLot, maxSplit };
}

/** Later weeks are more common: most orders are due at the end of the turnaround. */
function pickWeighted(random: () => number, weeks: number): number {
  const weights = Array.from({ length: weeks }, (_, week) => 1 + week);
  let roll = random() * weights.reduce((sum, w) => sum + w, 0);
  return Math.max(
    0,
    weights.findIndex((w) => (roll -= w) < 0),
  );
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
