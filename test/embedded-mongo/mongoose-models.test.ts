import mongoose, { Schema, Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';

import { useConformanceMongoose } from './conformance-target';

interface Workshop {
  name: string;
  skills: string[];
  capacityMinutes: number;
}
interface Artisan {
  name: string;
  phone: string;
  workshop: Types.ObjectId;
  earningsCents: number;
  createdAt?: Date;
  updatedAt?: Date;
}

const workshopSchema = new Schema<Workshop>({
  name: { type: String, required: true },
  skills: [{ type: String, enum: ['brass', 'horn', 'beads', 'bone'] }],
  capacityMinutes: { type: Number, min: 0, required: true },
});
const artisanSchema = new Schema<Artisan>(
  {
    name: { type: String, required: true },
    phone: { type: String, required: true, unique: true },
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    earningsCents: { type: Number, default: 0, validate: Number.isInteger },
  },
  { timestamps: true },
);

const target = useConformanceMongoose({ area: 'mongoose' });
// Typed as the connection compiles them (with the `id` virtual Mongoose adds).
let WorkshopModel: ReturnType<typeof compileWorkshop>;
let ArtisanModel: ReturnType<typeof compileArtisan>;
const compileWorkshop = () => target.connection.model('Workshop', workshopSchema);
const compileArtisan = () => target.connection.model('Artisan', artisanSchema);

beforeAll(async () => {
  WorkshopModel = compileWorkshop();
  ArtisanModel = compileArtisan();
  await WorkshopModel.init();
  await ArtisanModel.init();
});

async function makeWorkshop(overrides: Partial<Workshop> = {}) {
  return WorkshopModel.create({ name: 'Kibera Brass', skills: ['brass'], capacityMinutes: 2400, ...overrides });
}

describe('Mongoose models over the wire', () => {
  it('creates documents, sets defaults and timestamps, reads them back', async () => {
    const shop = await makeWorkshop();
    const artisan = await ArtisanModel.create({ name: 'Achieng', phone: '+254700000010', workshop: shop._id });
    expect(artisan.earningsCents).toBe(0);
    expect(artisan.createdAt).toBeInstanceOf(Date);
    const found = await ArtisanModel.findById(artisan._id);
    expect(found?.name).toBe('Achieng');
    expect(found?.workshop.equals(shop._id)).toBe(true);
  });

  it('validation failures never reach the database', async () => {
    const before = await WorkshopModel.countDocuments();
    await expect(
      WorkshopModel.create({ name: 'Bad', skills: ['plastic'], capacityMinutes: -1 }),
    ).rejects.toBeInstanceOf(mongoose.Error.ValidationError);
    expect(await WorkshopModel.countDocuments()).toBe(before);
  });

  it('schema unique indexes are built and enforced by the server (E11000)', async () => {
    const shop = await makeWorkshop();
    const indexes = await ArtisanModel.collection.indexes();
    expect(indexes.find((index) => index.name === 'phone_1')?.unique).toBe(true);
    await ArtisanModel.create({ name: 'A', phone: '+254700000011', workshop: shop._id });
    await expect(ArtisanModel.create({ name: 'B', phone: '+254700000011', workshop: shop._id })).rejects.toMatchObject({
      code: 11000,
      keyValue: { phone: '+254700000011' },
    });
  });

  it('populate resolves references; lean returns plain objects', async () => {
    const shop = await makeWorkshop({ name: 'Mathare Horn', skills: ['horn'] });
    await ArtisanModel.create({ name: 'Wanjiru', phone: '+254700000012', workshop: shop._id });
    const populated = await ArtisanModel.findOne({ phone: '+254700000012' }).populate<{ workshop: Workshop }>(
      'workshop',
    );
    expect(populated?.workshop.name).toBe('Mathare Horn');
    const lean = await ArtisanModel.findOne({ phone: '+254700000012' }).lean();
    expect(lean?.workshop).toBeInstanceOf(Types.ObjectId);
    expect(lean).not.toBeInstanceOf(mongoose.Document);
  });

  it('findOneAndUpdate returns the updated document and runs validators when asked', async () => {
    const shop = await makeWorkshop({ capacityMinutes: 100 });
    const updated = await WorkshopModel.findOneAndUpdate(
      { _id: shop._id },
      { $inc: { capacityMinutes: 50 }, $addToSet: { skills: 'beads' } },
      { returnDocument: 'after' },
    );
    expect(updated?.capacityMinutes).toBe(150);
    expect(updated?.skills).toEqual(['brass', 'beads']);
    await expect(
      WorkshopModel.findOneAndUpdate({ _id: shop._id }, { capacityMinutes: -5 }, { runValidators: true }),
    ).rejects.toBeInstanceOf(mongoose.Error.ValidationError);
    expect((await WorkshopModel.findById(shop._id).lean())?.capacityMinutes).toBe(150);
  });

  it('save() of a modified document updates only that document', async () => {
    const a = await makeWorkshop({ name: 'Before' });
    const b = await makeWorkshop({ name: 'Untouched' });
    a.name = 'After';
    a.skills.push('bone');
    await a.save();
    expect((await WorkshopModel.findById(a._id).lean())?.name).toBe('After');
    expect((await WorkshopModel.findById(a._id).lean())?.skills).toEqual(['brass', 'bone']);
    expect((await WorkshopModel.findById(b._id).lean())?.name).toBe('Untouched');
  });

  it('countDocuments, distinct, exists and deleteMany', async () => {
    await WorkshopModel.insertMany([
      { name: 'D1', skills: ['bone', 'horn'], capacityMinutes: 1 },
      { name: 'D2', skills: ['bone'], capacityMinutes: 2 },
    ]);
    expect(await WorkshopModel.countDocuments({ skills: 'bone', name: /^D/ })).toBe(2);
    expect((await WorkshopModel.distinct('skills', { name: /^D/ })).sort()).toEqual(['bone', 'horn']);
    expect(await WorkshopModel.exists({ name: 'D2' })).toMatchObject({ _id: expect.any(Types.ObjectId) });
    expect(await WorkshopModel.exists({ name: 'nope' })).toBeNull();
    expect((await WorkshopModel.deleteMany({ name: /^D/ })).deletedCount).toBe(2);
  });

  it('bulkWrite applies mixed operations and reports their counts', async () => {
    const shop = await makeWorkshop({ name: 'Bulk' });
    const result = await WorkshopModel.bulkWrite([
      { insertOne: { document: { name: 'Bulk 2', skills: [], capacityMinutes: 5 } } },
      { updateOne: { filter: { _id: shop._id }, update: { $set: { capacityMinutes: 7 } } } },
      { updateOne: { filter: { name: 'Bulk 3' }, update: { $set: { capacityMinutes: 9 } }, upsert: true } },
      { deleteOne: { filter: { name: 'Bulk 2' } } },
    ]);
    expect(result.insertedCount).toBe(1);
    expect(result.modifiedCount).toBe(1);
    expect(result.upsertedCount).toBe(1);
    expect(result.deletedCount).toBe(1);
    expect(await WorkshopModel.countDocuments({ name: /^Bulk/ })).toBe(2);
  });
});
