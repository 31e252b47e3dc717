import { type Skill } from '../domain/skills';
import { type ProductDoc } from '../models/product';
import { type LineRequest } from './build-orders';
import { type Random } from './random';

/**
 * What a retail partner's purchase order asks for: a few designs of one collection, in
 * multiples of their minimum lot, within what the week still has room for (`budget`, labour
 * minutes per skill, is reduced by what is asked).
 */
export function retailRequests({
  random,
  onSale,
  budget,
}: {
  random: Random;
  onSale: readonly ProductDoc[];
  budget: Map<Skill, number>;
}): LineRequest[] {
  if (onSale.length === 0) return [];
  const collection = random.pick(onSale).collectionRef;
  const designs = random.shuffle(onSale.filter((product) => product.collectionRef.equals(collection)));
  const requests: LineRequest[] = [];
  for (const product of designs.slice(0, random.int(2, 6))) {
    const room = Math.floor((budget.get(product.requiredSkill) ?? 0) / product.labourMinutesPerUnit);
    const wanted = product.minimumLot * random.int(2, 14);
    const quantity = Math.min(wanted, room - (room % product.minimumLot));
    if (quantity < product.minimumLot) continue;
    budget.set(
      product.requiredSkill,
      (budget.get(product.requiredSkill) ?? 0) - quantity * product.labourMinutesPerUnit,
    );
    requests.push({ product, quantity });
  }
  return requests;
}

/** A web-shop order: one to three designs, a unit or a few of each. */
export function webRequests({ random, onSale }: { random: Random; onSale: readonly ProductDoc[] }): LineRequest[] {
  const count = random.weighted([
    [1, 6],
    [2, 3],
    [3, 1],
  ] as const);
  return random
    .shuffle(onSale)
    .slice(0, count)
    .map((product) => ({
      product,
      quantity: random.weighted([
        [1, 7],
        [2, 2],
        [3, 1],
      ] as const),
    }));
}
