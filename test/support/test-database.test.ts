import { MongoClient } from 'mongodb';
import { Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connectTestMongoose, dropTestDatabase, testDatabaseName, testDatabaseUri } from './test-database';

describe('embedded server through the test glue', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await connectTestMongoose();
  });
  afterAll(async () => {
    await connection.close();
    await dropTestDatabase();
  });

  it('gives each worker its own database', () => {
    expect(testDatabaseUri()).toContain(`/${testDatabaseName()}`);
    expect(connection.name).toBe(testDatabaseName());
  });

  it('runs Mongoose CRUD with a unique index', async () => {
    const Workshop = connection.model(
      'SmokeWorkshop',
      new Schema({ code: { type: String, unique: true }, artisans: Number }),
    );
    await Workshop.init();
    await Workshop.create({ code: 'NBO-1', artisans: 4 });
    await expect(Workshop.create({ code: 'NBO-1', artisans: 2 })).rejects.toMatchObject({ code: 11000 });
    const updated = await Workshop.findOneAndUpdate(
      { code: 'NBO-1' },
      { $inc: { artisans: 1 } },
      { returnDocument: 'after' },
    ).lean();
    expect(updated?.artisans).toBe(5);
    expect(await Workshop.countDocuments()).toBe(1);
  });

  it('pages a cursor with getMore', async () => {
    const client = new MongoClient(testDatabaseUri());
    await client.connect();
    try {
      const collection = client.db().collection('smoke_cursor');
      await collection.insertMany(Array.from({ length: 250 }, (_, i) => ({ i })));
      const seen = await collection.find({}, { batchSize: 40 }).sort({ i: -1 }).toArray();
      expect(seen.map((doc) => doc.i)).toEqual(Array.from({ length: 250 }, (_, i) => 249 - i));
    } finally {
      await client.close();
    }
  });
});
