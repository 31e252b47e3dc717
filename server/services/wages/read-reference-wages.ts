import {
  DEFAULT_REFERENCE_WAGES,
  REFERENCE_WAGE_KINDS,
  type ReferenceWage,
  type ReferenceWageKind,
} from '../../domain/reference-wages';
import { nairobiDateString } from '../../domain/weeks';
import { ReferenceWage as ReferenceWageModel } from '../../models/reference-wage';

/**
 * The minimum and living wage that applied on `at`'s Nairobi day: the newest figure an admin
 * recorded from that day or before, else the built-in one. Every page and report that compares
 * earnings with a wage reads it here, so they all compare with the same figure.
 */
export async function readReferenceWages({ at }: { at: Date }): Promise<Record<ReferenceWageKind, ReferenceWage>> {
  const day = nairobiDateString(at);
  const entries = await Promise.all(
    REFERENCE_WAGE_KINDS.map(async (kind) => {
      const recorded = await ReferenceWageModel.findOne({ kind, effectiveFrom: { $lte: day } })
        .sort({ effectiveFrom: -1 })
        .lean();
      const wage: ReferenceWage = recorded
        ? {
            kind,
            monthlyCents: recorded.monthlyCents,
            source: recorded.source,
            effectiveFrom: recorded.effectiveFrom,
          }
        : DEFAULT_REFERENCE_WAGES[kind];
      return [kind, wage] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ReferenceWageKind, ReferenceWage>;
}

/** Every figure recorded, newest first per kind, for the admins' page. */
export async function listReferenceWageHistory(): Promise<(ReferenceWage & { recordedBy: string })[]> {
  const recorded = await ReferenceWageModel.find({}).sort({ kind: 1, effectiveFrom: -1 }).lean();
  return recorded.map((wage) => ({
    kind: wage.kind,
    monthlyCents: wage.monthlyCents,
    source: wage.source,
    effectiveFrom: wage.effectiveFrom,
    recordedBy: wage.recordedBy.label,
  }));
}
