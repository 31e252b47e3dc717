import { Types } from 'mongoose';

import { ValidationError } from '../domain/errors';
import { validateInput } from '../domain/validate-input';
import { nairobiDateString } from '../domain/weeks';
import { Product } from '../models/product';
import { answerCapacityCheck, type CapacityAnswer } from './answer-capacity-check';
import { parseDay, weekEndDate } from './check-calendar';
import { CapacityQuestion, type CheckLine } from './check-question';
import { type CheckNetwork, readCheckNetwork } from './read-check-network';

export interface CapacityCheck {
  question: { lines: CheckLine[]; by: string };
  answer: CapacityAnswer;
  network: CheckNetwork;
}

/**
 * "Can the network make these by that date?" as of `now`: the products are read from the
 * catalogue, the network as planning sees it (capacity from server/capacity/, open orders,
 * other holds), and the answer computed on it. The network comes from what is kept between
 * questions (see readCheckNetwork) unless `fresh` asks for the database itself.
 */
export async function checkCapacity({
  now,
  fresh = false,
  ...input
}: CapacityQuestion & { now: Date; fresh?: boolean }): Promise<CapacityCheck> {
  const question = validateInput(CapacityQuestion, input);
  const today = nairobiDateString(now);
  if (question.by < today) throw ValidationError.forField('by', `is in the past (today is ${today})`);
  const [lines, network] = await Promise.all([readCheckLines(question.lines), readCheckNetwork({ now, fresh })]);
  const horizonEnd = weekEndDate({
    startDay: parseDay(network.horizon.startDate) as number,
    week: network.horizon.labels.length - 1,
  });
  if (question.by > horizonEnd)
    throw ValidationError.forField('by', `is beyond what the network plans ahead (up to ${horizonEnd})`);
  const answer = answerCapacityCheck({ network, lines, by: question.by, mode: question.mode });
  return { question: { lines, by: question.by }, answer, network };
}

/** The question's products; the same product twice is one line with the quantities added. */
async function readCheckLines(lines: { productId: string; quantity: number }[]): Promise<CheckLine[]> {
  const quantities = new Map<string, number>();
  for (const line of lines) quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
  const products = await Product.find({
    _id: { $in: [...quantities.keys()].map((id) => new Types.ObjectId(id)) },
  }).lean();
  const byId = new Map(products.map((product) => [String(product._id), product]));
  return [...quantities].map(([productId, quantity], index) => {
    const product = byId.get(productId);
    if (!product) throw ValidationError.forField(`lines.${index}.productId`, 'names no product of the catalogue');
    if (!product.active) throw ValidationError.forField(`lines.${index}.productId`, `${product.sku} is not active`);
    return {
      product: {
        productId,
        sku: product.sku,
        name: product.name,
        skill: product.requiredSkill,
        minutesPerUnit: product.labourMinutesPerUnit,
        pieceRateCents: product.pieceRateCents,
        minLot: product.minimumLot,
      },
      quantity,
    };
  });
}
