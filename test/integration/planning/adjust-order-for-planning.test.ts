import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ForbiddenError, ValidationError } from '#server/domain/errors';
import { type DomainEventPayload } from '#server/domain/events';
import { domainEvents } from '#server/domain-events';
import { AuditEvent, Order } from '#server/models/index';
import { adjustOrderForPlanning } from '#server/services/orders/adjust-order-for-planning';
import { listUncoveredOrderLines } from '#server/services/orders/list-uncovered-order-lines';

import { makeActor } from '../../factories/actors';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { PLANNING_NOW, seedPlanningFixture, type PlanningFixture } from './planning-fixture';

describe('a planner’s fixes for units a plan could not place', () => {
  let fixture: PlanningFixture;
  const planner = makeActor('planner');

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    fixture = await seedPlanningFixture({ now: PLANNING_NOW });
  });

  it('moves the ship-by day, audits it and tells planning’s listeners', async () => {
    const changed: DomainEventPayload<'order:changed'>[] = [];
    const stop = domainEvents.subscribe('order:changed', (event) => changed.push(event));
    try {
      const orderId = String(fixture.normalOrder);
      const { summary } = await adjustOrderForPlanning({
        actor: planner,
        now: PLANNING_NOW,
        orderId,
        adjustment: { change: 'ship-by', shipBy: '2026-03-27' },
      });
      expect(summary).toMatch(/now ships by 2026-03-27$/);
      // The end of that working day in Nairobi (UTC+3).
      expect((await Order.findById(orderId).lean())?.shipBy.toISOString()).toBe('2026-03-27T14:00:00.000Z');
      expect(changed).toEqual([{ orderId, fields: ['shipBy'] }]);
      const audit = await AuditEvent.findOne({ action: 'order.adjusted-for-planning' }).lean();
      expect(audit?.actor.role).toBe('planner');
    } finally {
      stop();
    }
  });

  it('gives a line a smaller lot, which the demand planning reads carries', async () => {
    const order = await Order.findById(fixture.normalOrder).lean();
    const line = order?.lines[0];
    await adjustOrderForPlanning({
      actor: planner,
      now: PLANNING_NOW,
      orderId: String(fixture.normalOrder),
      adjustment: { change: 'line-lot', orderLineId: String(line?._id), minimumLot: 2 },
    });
    const uncovered = await listUncoveredOrderLines();
    expect(uncovered.find((entry) => String(entry.orderLineId) === String(line?._id))?.minimumLot).toBe(2);
  });

  it('refuses what would not help or is not the planner’s to do, naming the field', async () => {
    const orderId = String(fixture.rushOrder);
    const attempt = (adjustment: Parameters<typeof adjustOrderForPlanning>[0]['adjustment'], actor = planner) =>
      adjustOrderForPlanning({ actor, now: PLANNING_NOW, orderId, adjustment });
    await expect(attempt({ change: 'ship-by', shipBy: '2026-03-04' })).rejects.toMatchObject({
      field: 'shipBy',
      message: 'shipBy: must be a day after today',
    });
    await expect(attempt({ change: 'priority', priority: 'high' })).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt({ change: 'line-lot', orderLineId: orderId, minimumLot: 1 })).rejects.toMatchObject({
      field: 'orderLineId',
      message: expect.stringMatching(/has no such line/),
    });
    await expect(attempt({ change: 'priority', priority: 'rush' }, makeActor('manager'))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await Order.findById(orderId).lean())?.priority).toBe('rush');
  });
});
