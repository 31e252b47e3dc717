import { type OrderDoc } from '../models/order';

/** An order as a channel sees it through the API (the OpenAPI document's `Order` schema). */
export interface ChannelOrderView {
  id: string;
  externalRef: string | null;
  reference: string;
  status: OrderDoc['status'];
  placedAt: string;
  shipBy: string;
  customer: OrderDoc['customer'];
  lines: { sku: string; quantity: number; unitPriceCents: number; promisedShipDate: string | null }[];
  notes: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

export function channelOrderView(order: OrderDoc): ChannelOrderView {
  return {
    id: String(order._id),
    externalRef: order.externalRef ?? null,
    reference: order.reference,
    status: order.status,
    placedAt: order.placedAt.toISOString(),
    shipBy: order.shipBy.toISOString(),
    customer: {
      name: order.customer.name,
      ...(order.customer.store ? { store: order.customer.store } : {}),
      ...(order.customer.email ? { email: order.customer.email } : {}),
      country: order.customer.country,
    },
    lines: order.lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      promisedShipDate: line.promisedShipDate ?? null,
    })),
    notes: order.notes ?? null,
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    cancelReason: order.cancelReason ?? null,
  };
}
