import mongoose, { Schema, type Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { useConformanceMongoose } from './conformance-target';

/** Mongoose features that lean on specific server behaviour: upsert seeding, version filters, index sync. */
const target = useConformanceMongoose({ area: 'mongoose_updates' });

describe('Mongoose updates and index management', () => {
  it('an upserting findOneAndUpdate applies schema defaults only to the inserted document', async () => {
    const Job = target.connection.model(
      'UpsertJob',
      new Schema({ ref: { type: String, required: true }, status: { type: String, default: 'open' }, units: Number }),
    );
    const inserted = await Job.findOneAndUpdate(
      { ref: 'J-1' },
      { $set: { units: 5 } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    expect(inserted).toMatchObject({ ref: 'J-1', status: 'open', units: 5 });
    await Job.updateOne({ ref: 'J-1' }, { $set: { status: 'done' } });
    const updated = await Job.findOneAndUpdate(
      { ref: 'J-1' },
      { $set: { units: 6 } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    expect(updated).toMatchObject({ ref: 'J-1', status: 'done', units: 6 });
    expect(await Job.countDocuments({ ref: 'J-1' })).toBe(1);
  });

  it('optimistic concurrency refuses to save a stale copy (VersionError)', async () => {
    const Payout = target.connection.model(
      'Payout',
      new Schema({ artisan: String, cents: Number }, { optimisticConcurrency: true }),
    );
    const created = await Payout.create({ artisan: 'Achieng', cents: 1_000 });
    const first = await Payout.findById(created._id).orFail();
    const second = await Payout.findById(created._id).orFail();
    first.cents = 1_500;
    await first.save();
    second.cents = 9_999;
    await expect(second.save()).rejects.toBeInstanceOf(mongoose.Error.VersionError);
    expect((await Payout.findById(created._id).lean())?.cents).toBe(1_500);
  });

  it('syncIndexes creates schema indexes and drops ones the schema no longer declares', async () => {
    const schema = new Schema({ phone: String, workshop: String });
    schema.index({ phone: 1 }, { unique: true });
    const Artisan = target.connection.model('SyncedArtisan', schema);
    await Artisan.createCollection();
    await Artisan.collection.createIndex({ workshop: 1 }, { name: 'stray_workshop' });
    const dropped = await Artisan.syncIndexes();
    expect(dropped).toEqual(['stray_workshop']);
    const names = (await Artisan.collection.indexes()).map((index) => index.name).sort();
    expect(names).toEqual(['_id_', 'phone_1']);
  });

  it('virtual populate resolves a one-to-many relation', async () => {
    const workshopSchema = new Schema({ name: String }, { toObject: { virtuals: true } });
    workshopSchema.virtual('artisans', { ref: 'VirtualArtisan', localField: '_id', foreignField: 'workshop' });
    const Workshop = target.connection.model('VirtualWorkshop', workshopSchema);
    const Artisan = target.connection.model(
      'VirtualArtisan',
      new Schema({ name: String, workshop: { type: Schema.Types.ObjectId } }),
    );
    const shop = await Workshop.create({ name: 'Kibera Brass' });
    const other = await Workshop.create({ name: 'Elsewhere' });
    await Artisan.create([
      { name: 'Achieng', workshop: shop._id },
      { name: 'Wanjiru', workshop: shop._id },
      { name: 'Otieno', workshop: other._id },
    ]);
    const populated = await Workshop.findById(shop._id).populate<{
      artisans: { name: string; workshop: Types.ObjectId }[];
    }>('artisans');
    expect(populated?.artisans.map((artisan) => artisan.name).sort()).toEqual(['Achieng', 'Wanjiru']);
  });
});
