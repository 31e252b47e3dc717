import { DomainError } from '../domain/errors';

/** The proposal was computed on orders, jobs or capacity that have changed since. */
export class StalePlanError extends DomainError {
  override name = 'StalePlanError';
  readonly planId: string;

  constructor({ planId, changes }: { planId: string; changes: string }) {
    super(`Orders or capacity changed since this proposal was computed (${changes}); re-plan before committing`);
    this.planId = planId;
  }
}

/** The plan is committed already: its jobs exist and were offered. */
export class PlanAlreadyCommittedError extends DomainError {
  override name = 'PlanAlreadyCommittedError';

  constructor({ planId }: { planId: string }) {
    super(`Plan ${planId} was already committed; its jobs have been offered, so it cannot be committed again`);
  }
}

/** A later plan replaced this one; committing it would offer work planned on old data. */
export class PlanSupersededError extends DomainError {
  override name = 'PlanSupersededError';

  constructor({ planId, supersededBy }: { planId: string; supersededBy?: string }) {
    const by = supersededBy ? ` by plan ${supersededBy}` : '';
    super(`Plan ${planId} was superseded${by} and can no longer be committed; re-plan to get a current proposal`);
  }
}

/** Nothing placed, so there is no job to create. */
export class EmptyPlanError extends DomainError {
  override name = 'EmptyPlanError';

  constructor({ planId }: { planId: string }) {
    super(`Plan ${planId} places no units, so there is nothing to commit`);
  }
}
