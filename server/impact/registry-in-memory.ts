import { cachedReadModel } from '../dashboard/read-model-cache';
import { IMPACT_REGISTRY_EVENTS } from '../domain/events';
import { Artisan } from '../models/artisan';
import { Workshop } from '../models/workshop';
import { type ArtisanFacts, type WorkshopFacts } from './read-paid-days';

/** The artisans and workshops the report names and groups by. */
export interface ImpactRegistry {
  artisans: ReadonlyMap<string, ArtisanFacts>;
  workshops: readonly WorkshopFacts[];
}

async function loadRegistry(): Promise<ImpactRegistry> {
  const [artisanDocs, workshopDocs] = await Promise.all([
    Artisan.find({}, { name: 1, gender: 1, workshop: 1 }).lean(),
    Workshop.find({}, { code: 1, name: 1, area: 1 }).lean(),
  ]);
  return {
    artisans: new Map(
      artisanDocs.map((doc) => [
        String(doc._id),
        { artisanId: String(doc._id), name: doc.name, gender: doc.gender, workshopId: String(doc.workshop) },
      ]),
    ),
    workshops: workshopDocs.map((doc) => ({
      workshopId: String(doc._id),
      code: doc.code,
      name: doc.name,
      area: doc.area,
    })),
  };
}

/**
 * The registry as the report sees it, kept between reports: every report read the ≈2,400
 * artisans from the database before. Read with the paid rows' revision as key (a reseed moves it).
 * Shared by every report: readers must not change it.
 */
export const impactRegistryInMemory = cachedReadModel<string | null, ImpactRegistry>({
  name: 'impact-registry',
  invalidatedBy: IMPACT_REGISTRY_EVENTS,
  // No age limit: what changes it announces itself, or moves the revision (a reseed).
  maxAgeMs: Infinity,
  keyOf: (revision) => revision ?? '',
  compute: loadRegistry,
  maxKept: 1,
});
