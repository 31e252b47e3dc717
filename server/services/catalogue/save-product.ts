import { type ClientSession, Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { ProductCollection } from '../../models/collection';
import { Product, type ProductDoc } from '../../models/product';
import { recordAuditEvent } from '../audit/record-audit-event';
import { isDuplicateKeyError } from '../duplicate-key';
import { runInTransaction } from '../run-in-transaction';
import { assertMayEditCatalogue, ProductInput } from './catalogue-input';

type ProductFields = Omit<ProductDoc, '_id' | 'createdAt' | 'updatedAt'>;

/** The figures kept in the audit trail: what a designer changes and a later reader asks about. */
function auditedFields(product: Pick<ProductDoc, 'sku' | 'pieceRateCents' | 'labourMinutesPerUnit' | 'active'>) {
  return {
    sku: product.sku,
    pieceRateCents: product.pieceRateCents,
    labourMinutesPerUnit: product.labourMinutesPerUnit,
    active: product.active,
  };
}

async function checkedFields({
  input,
  productId,
  session,
}: {
  input: unknown;
  productId: Types.ObjectId | null;
  session: ClientSession;
}): Promise<ProductFields> {
  const { collectionId, ...fields } = validateInput(ProductInput, input);
  const collection = await ProductCollection.exists({ _id: collectionId }).session(session);
  if (!collection) throw ValidationError.forField('collectionId', 'no such collection');
  const sameSku = await Product.findOne({ sku: fields.sku }, { _id: 1 }, { session, lean: true });
  if (sameSku && !(productId && sameSku._id.equals(productId)))
    throw ValidationError.forField('sku', `${fields.sku} is already another product's SKU`);
  return { ...fields, collectionRef: new Types.ObjectId(collectionId) };
}

/** A refused unique index (two designers saving one SKU at once) answers like the check above. */
async function answeringDuplicateSku<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw ValidationError.forField('sku', 'is already another product’s SKU');
    throw error;
  }
}

/** Adds a product to a collection. */
export async function createProduct({
  actor,
  ...input
}: ProductInput & { actor: Actor }): Promise<{ productId: string }> {
  assertMayEditCatalogue(actor);
  return answeringDuplicateSku(() =>
    runInTransaction(async ({ session, publishAfterCommit }) => {
      const fields = await checkedFields({ input, productId: null, session });
      const [product] = await Product.create([fields], { session });
      publishAfterCommit('product:saved', { productId: String(product._id) });
      await ProductCollection.updateOne(
        { _id: fields.collectionRef },
        { $addToSet: { products: product._id } },
        { session },
      );
      await recordAuditEvent({
        session,
        actor,
        entity: { kind: 'product', id: product._id },
        action: 'product.created',
        before: null,
        after: auditedFields(product),
      });
      return { productId: String(product._id) };
    }),
  );
}

/**
 * Changes a product. Jobs already offered keep the skill, minutes and piece rate they were offered
 * with (createJobOffers copies them onto the job), so an edit only shapes work planned after it.
 */
export async function updateProduct({
  actor,
  productId,
  ...input
}: ProductInput & { actor: Actor; productId: string }): Promise<{ productId: string }> {
  assertMayEditCatalogue(actor);
  const id = new Types.ObjectId(validateInput(objectIdString, productId));
  return answeringDuplicateSku(() =>
    runInTransaction(async ({ session, publishAfterCommit }) => {
      const before = await Product.findById(id, null, { session, lean: true });
      if (!before) throw new NotFoundError('product', productId);
      publishAfterCommit('product:saved', { productId: String(id) });
      const fields = await checkedFields({ input, productId: id, session });
      await Product.updateOne({ _id: id }, { $set: fields }, { session, runValidators: true });
      if (!before.collectionRef.equals(fields.collectionRef)) {
        await ProductCollection.updateOne({ _id: before.collectionRef }, { $pull: { products: id } }, { session });
        await ProductCollection.updateOne({ _id: fields.collectionRef }, { $addToSet: { products: id } }, { session });
      }
      await recordAuditEvent({
        session,
        actor,
        entity: { kind: 'product', id },
        action: 'product.updated',
        before: auditedFields(before),
        after: auditedFields(fields),
      });
      return { productId: String(id) };
    }),
  );
}
