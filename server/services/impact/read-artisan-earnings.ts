import { type Types } from 'mongoose';

import { type WeekLabel } from '../../domain/weeks';
import { Artisan, type Gender } from '../../models/artisan';
import { Payment } from '../../models/payment';
import { type ImpactPeriod } from './impact-period';

export interface ArtisanEarnings {
  artisanId: string;
  name: string;
  gender: Gender;
  workshopId: string;
  paidCents: number;
  payments: number;
  /** Distinct weeks of the work those payments paid for. */
  weeksWithWork: number;
}

/** What each artisan was paid in the period (payments not refused by the provider). */
export async function readArtisanEarnings(period: ImpactPeriod): Promise<ArtisanEarnings[]> {
  const paid = await Payment.aggregate<{
    _id: Types.ObjectId;
    paidCents: number;
    payments: number;
    weeks: WeekLabel[];
  }>([
    {
      $match: {
        'payee.kind': 'artisan',
        status: { $ne: 'failed' },
        paidAt: { $gte: period.from, $lt: period.to },
      },
    },
    {
      $group: {
        _id: '$payee.artisan',
        paidCents: { $sum: '$amountCents' },
        payments: { $sum: 1 },
        weeks: { $addToSet: '$week' },
      },
    },
  ]);
  // NOTE: all artisans rather than `$in` the paid ones: a few thousand small documents, read once.
  const artisans = await Artisan.find({}, { name: 1, gender: 1, workshop: 1 }).lean();
  const artisanById = new Map(artisans.map((artisan) => [String(artisan._id), artisan]));

  return paid.flatMap((row) => {
    const artisan = artisanById.get(String(row._id));
    if (!artisan) return [];
    return [
      {
        artisanId: String(row._id),
        name: artisan.name,
        gender: artisan.gender,
        workshopId: String(artisan.workshop),
        paidCents: row.paidCents,
        payments: row.payments,
        weeksWithWork: row.weeks.length,
      },
    ];
  });
}
