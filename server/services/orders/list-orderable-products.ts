import { Product } from '../../models/product';

export interface OrderableProduct {
  sku: string;
  name: string;
  minimumLot: number;
}

/** The active catalogue as HQ's order form and the purchase-order page offer it: what can be ordered, and in what lots. */
export async function listOrderableProducts(): Promise<OrderableProduct[]> {
  const products = await Product.find({ active: true }, { sku: 1, name: 1, minimumLot: 1 }).sort({ sku: 1 }).lean();
  return products.map(({ sku, name, minimumLot }) => ({ sku, name, minimumLot }));
}
