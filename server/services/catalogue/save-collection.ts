import { Types } from 'mongoose';

import { startOfCalendarDay } from '../../capacity/calendar-days';
import { type Actor } from '../../domain/actor';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { ProductCollection } from '../../models/collection';
import { recordAuditEvent } from '../audit/record-audit-event';
import { isDuplicateKeyError } from '../duplicate-key';
import { runInTransaction } from '../run-in-transaction';
import { assertMayEditCatalogue, CollectionInput } from './catalogue-input';

function fieldsOf(input: unknown) {
  const collection = validateInput(CollectionInput, input);
  return { ...collection, launchDate: startOfCalendarDay(collection.launchDate) };
}

/** One collection per name and season (a unique index): say so on the name. */
async function answeringDuplicateName<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (isDuplicateKeyError(error))
      throw ValidationError.forField('name', 'another collection of this season already has this name');
    throw error;
  }
}

/** Starts a collection, signed by the designer who creates it. */
export async function createCollection({
  actor,
  ...input
}: CollectionInput & { actor: Actor }): Promise<{ collectionId: string }> {
  assertMayEditCatalogue(actor);
  const fields = fieldsOf(input);
  return answeringDuplicateName(() =>
    runInTransaction(async ({ session }) => {
      const [collection] = await ProductCollection.create(
        [
          {
            ...fields,
            designer: actor.label,
            ...(actor.role === 'designer' && actor.userId ? { designerUser: new Types.ObjectId(actor.userId) } : {}),
            products: [],
          },
        ],
        { session },
      );
      await recordAuditEvent({
        session,
        actor,
        entity: { kind: 'collection', id: collection._id },
        action: 'collection.created',
        before: null,
        after: { name: fields.name, season: fields.season, status: fields.status },
      });
      return { collectionId: String(collection._id) };
    }),
  );
}

/** Renames, re-dates or moves a collection on (draft → checked → launched). */
export async function updateCollection({
  actor,
  collectionId,
  ...input
}: CollectionInput & { actor: Actor; collectionId: string }): Promise<{ collectionId: string }> {
  assertMayEditCatalogue(actor);
  const id = new Types.ObjectId(validateInput(objectIdString, collectionId));
  const fields = fieldsOf(input);
  return answeringDuplicateName(() =>
    runInTransaction(async ({ session }) => {
      const before = await ProductCollection.findById(id, null, { session, lean: true });
      if (!before) throw new NotFoundError('collection', collectionId);
      await ProductCollection.updateOne({ _id: id }, { $set: fields }, { session, runValidators: true });
      await recordAuditEvent({
        session,
        actor,
        entity: { kind: 'collection', id },
        action: 'collection.updated',
        before: { name: before.name, season: before.season, status: before.status },
        after: { name: fields.name, season: fields.season, status: fields.status },
      });
      return { collectionId: String(id) };
    }),
  );
}
