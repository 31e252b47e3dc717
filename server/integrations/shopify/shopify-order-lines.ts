import { UNMADE_LINE_MAX_LENGTH, type UnmadeOrderLine } from '../../models/order';
import { Product } from '../../models/product';
import { type ShopifyOrderPayload } from './shopify-order-payload';

/**
 * A Shopify order's line items split into what Kiwanda makes (an active product with that SKU,
 * quantities of one SKU added up) and what it does not (no SKU, an unknown one, a product no
 * longer made), the latter kept in words for the order page.
 */
export async function splitShopifyLines(lineItems: ShopifyOrderPayload['line_items']): Promise<{
  lines: { sku: string; quantity: number }[];
  unmadeLines: UnmadeOrderLine[];
}> {
  const items = lineItems.filter((item) => item.quantity > 0);
  const skus = [...new Set(items.flatMap((item) => (item.sku?.trim() ? [item.sku.trim()] : [])))];
  const products = await Product.find({ sku: { $in: skus } }, { sku: 1, active: 1 }).lean();
  const made = new Set(products.filter((product) => product.active).map((product) => product.sku));
  const retired = new Set(products.filter((product) => !product.active).map((product) => product.sku));

  const quantities = new Map<string, number>();
  const unmadeLines: UnmadeOrderLine[] = [];
  for (const item of items) {
    const sku = item.sku?.trim() ?? '';
    if (made.has(sku)) {
      quantities.set(sku, (quantities.get(sku) ?? 0) + item.quantity);
      continue;
    }
    const why = !sku ? 'no SKU' : retired.has(sku) ? 'no longer made' : 'not a Kiwanda SKU';
    // Cut to what the order keeps: a shop's SKU or name longer than that still names the line.
    unmadeLines.push({
      sku: sku.slice(0, UNMADE_LINE_MAX_LENGTH.sku),
      title: `${item.name ?? item.title} (${why})`.slice(0, UNMADE_LINE_MAX_LENGTH.title),
      quantity: item.quantity,
    });
  }
  return { lines: [...quantities].map(([sku, quantity]) => ({ sku, quantity })), unmadeLines };
}
