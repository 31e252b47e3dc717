import { z } from 'zod';

import { objectIdString } from '../domain/input-schemas';
import { NAIROBI_AREA_NAMES } from '../domain/nairobi-areas';

/** The drill-down pages' path parameters: an area of Nairobi, an artisan's id. */
export const ImpactAreaParams = z.object({
  area: z.enum(NAIROBI_AREA_NAMES as [string, ...string[]], { error: 'is not an area of the network' }),
});
export const ImpactArtisanParams = z.object({ artisanId: objectIdString });
