import { Types } from 'mongoose';

import { NotFoundError } from '../domain/errors';
import { objectIdString } from '../domain/input-schemas';
import { CAPACITY_HOLDING_STATUSES, type JobStatus } from '../domain/job-status';
import { unitsAwaitingPass } from '../domain/order-readiness';
import { type Skill } from '../domain/skills';
import { validateField } from '../domain/validate-input';
import { nairobiDateString } from '../domain/weeks';
import { type WeekLabel } from '../domain/weeks';
import { Artisan } from '../models/artisan';
import { Job } from '../models/job';
import { Order, type OrderDoc, type UnmadeOrderLine } from '../models/order';
import { Product } from '../models/product';
import { Workshop } from '../models/workshop';

export interface OrderDetailJob {
  id: string;
  workshopId: string;
  workshop: string;
  artisan: string | null;
  week: WeekLabel;
  status: JobStatus;
  quantity: number;
  passedQuantity: number;
  failedQuantity: number;
  dueOn: string;
}

export interface OrderDetailLine {
  id: string;
  sku: string;
  product: string;
  skill: Skill | null;
  quantity: number;
  unitPriceCents: number;
  /** The Nairobi day promised for this line when the order came in, if one was. */
  promisedShipDate: string | null;
  /** Units jobs hold (declined and cancelled jobs hold none). */
  plannedUnits: number;
  madeUnits: number;
  jobs: OrderDetailJob[];
}

export interface OrderDetail {
  id: string;
  reference: string;
  source: OrderDoc['source'];
  partner: string | null;
  customer: string;
  /** The store or buyer a retail or HQ order is for. */
  store: string | null;
  country: string;
  /** The channel's (or the customer's) own order number: a purchase order's PO number. */
  externalRef: string | null;
  notes: string | null;
  placedOn: string;
  shipBy: string;
  status: OrderDoc['status'];
  priority: OrderDoc['priority'];
  cancelReason: string | null;
  shippedOn: string | null;
  /** Units still to pass QC before the order is ready to ship (0: every unit has passed). */
  unitsAwaitingPass: number;
  cancelledOn: string | null;
  valueCents: number;
  lines: OrderDetailLine[];
  /** Lines the channel sent that Kiwanda does not make (reported, never planned). */
  unmadeLines: UnmadeOrderLine[];
}

/** One order with its lines and, under each line, the jobs making it. NotFoundError if there is no such order. */
export async function readOrderDetail(input: { orderId: string }): Promise<OrderDetail> {
  const orderId = validateField('orderId', objectIdString, input.orderId);
  const order = await Order.findById(orderId).lean();
  if (!order) throw new NotFoundError('order', orderId);

  const [products, jobs] = await Promise.all([
    Product.find({ _id: { $in: order.lines.map((line) => line.product) } }, { name: 1, requiredSkill: 1 }).lean(),
    Job.find(
      { order: new Types.ObjectId(orderId) },
      {
        orderLine: 1,
        workshop: 1,
        artisan: 1,
        plannedWeek: 1,
        status: 1,
        quantity: 1,
        passedQuantity: 1,
        failedQuantity: 1,
        dueDate: 1,
      },
    )
      .sort({ plannedWeek: 1, _id: 1 })
      .lean(),
  ]);
  const artisanIds = jobs.flatMap((job) => (job.artisan ? [job.artisan] : []));
  const [workshops, artisans] = await Promise.all([
    Workshop.find({ _id: { $in: [...new Set(jobs.map((job) => String(job.workshop)))] } }, { code: 1, name: 1 }).lean(),
    artisanIds.length ? Artisan.find({ _id: { $in: artisanIds } }, { name: 1 }).lean() : [],
  ]);
  const productById = new Map(products.map((product) => [String(product._id), product]));
  const workshopById = new Map(workshops.map((workshop) => [String(workshop._id), workshop]));
  const artisanName = new Map(artisans.map((artisan) => [String(artisan._id), artisan.name]));

  const lines = order.lines.map((line): OrderDetailLine => {
    const product = productById.get(String(line.product));
    const lineJobs = jobs
      .filter((job) => job.orderLine.equals(line._id))
      .map((job): OrderDetailJob => {
        const workshop = workshopById.get(String(job.workshop));
        return {
          id: String(job._id),
          workshopId: String(job.workshop),
          workshop: workshop ? `${workshop.code} · ${workshop.name}` : String(job.workshop),
          artisan: job.artisan ? (artisanName.get(String(job.artisan)) ?? null) : null,
          week: job.plannedWeek,
          status: job.status,
          quantity: job.quantity,
          passedQuantity: job.passedQuantity,
          failedQuantity: job.failedQuantity,
          dueOn: nairobiDateString(job.dueDate),
        };
      });
    const holding = lineJobs.filter((job) => CAPACITY_HOLDING_STATUSES.includes(job.status));
    return {
      id: String(line._id),
      sku: line.sku,
      product: product?.name ?? line.sku,
      skill: product?.requiredSkill ?? null,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      promisedShipDate: line.promisedShipDate ?? null,
      plannedUnits: holding.reduce((sum, job) => sum + job.quantity, 0),
      madeUnits: holding.reduce((sum, job) => sum + job.passedQuantity, 0),
      jobs: lineJobs,
    };
  });

  return {
    id: String(order._id),
    reference: order.reference,
    source: order.source,
    partner: order.partner ?? null,
    customer: order.customer.name,
    store: order.customer.store ?? null,
    country: order.customer.country,
    externalRef: order.externalRef ?? null,
    notes: order.notes ?? null,
    placedOn: nairobiDateString(order.placedAt),
    shipBy: nairobiDateString(order.shipBy),
    status: order.status,
    priority: order.priority,
    cancelReason: order.cancelReason ?? null,
    shippedOn: order.shippedAt ? nairobiDateString(order.shippedAt) : null,
    unitsAwaitingPass: unitsAwaitingPass(
      lines.map((line) => ({ quantity: line.quantity, passedUnits: line.madeUnits })),
    ),
    cancelledOn: order.cancelledAt ? nairobiDateString(order.cancelledAt) : null,
    valueCents: order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
    lines,
    unmadeLines: (order.unmadeLines ?? []).map(({ sku, title, quantity }) => ({ sku, title, quantity })),
  };
}
