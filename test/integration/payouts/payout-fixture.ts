import { type Types } from 'mongoose';

import { Artisan } from '#server/models/artisan';
import { Job } from '#server/models/job';
import { Workshop } from '#server/models/workshop';

import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeWorkshop } from '../../factories/network';
import { DARAJA_TEST_CERTIFICATE_PATH, FAKE_DARAJA_CREDENTIALS } from '../../mocks/fake-daraja';

export const CALLBACK_SECRET = 'kiwanda-test-callback-secret-0123456789';

/** The MPESA_* settings that point Kiwanda at a Daraja (MSW's sandbox host, or a stand-in's URL). */
export function mpesaEnv({ baseUrl, publicBaseUrl }: { baseUrl: string; publicBaseUrl: string }) {
  return {
    MPESA_BASE_URL: baseUrl,
    MPESA_CONSUMER_KEY: FAKE_DARAJA_CREDENTIALS.consumerKey,
    MPESA_CONSUMER_SECRET: FAKE_DARAJA_CREDENTIALS.consumerSecret,
    MPESA_SHORTCODE: FAKE_DARAJA_CREDENTIALS.shortcode,
    MPESA_INITIATOR_NAME: FAKE_DARAJA_CREDENTIALS.initiatorName,
    MPESA_INITIATOR_PASSWORD: FAKE_DARAJA_CREDENTIALS.initiatorPassword,
    MPESA_CERTIFICATE_PATH: DARAJA_TEST_CERTIFICATE_PATH,
    MPESA_CALLBACK_SECRET: CALLBACK_SECRET,
    PUBLIC_BASE_URL: publicBaseUrl,
  };
}

/**
 * A workshop with artisans whose jobs passed QC: `piecesEach[i]` jobs for artisan i, each
 * 11 units at KES 87.50 (KES 962.50 a job, so a payout's cents show).
 */
export async function seedPassedWork({ jobsPerArtisan }: { jobsPerArtisan: number[] }) {
  const workshop = await Workshop.create(makeWorkshop());
  const artisans: { _id: Types.ObjectId; phone: string; name: string }[] = [];
  for (const jobs of jobsPerArtisan) {
    const artisan = await Artisan.create(makeArtisan({ workshop: workshop._id }));
    artisans.push(artisan);
    for (let n = 0; n < jobs; n += 1)
      await Job.create(
        makeJob({
          workshop: workshop._id,
          artisan: artisan._id,
          status: 'passed',
          quantity: 11,
          passedQuantity: 11,
          pieceRateCents: 87_50,
        }),
      );
  }
  return { workshop, artisans };
}
