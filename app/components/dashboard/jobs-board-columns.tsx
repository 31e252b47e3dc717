import { Link } from '@remix-run/react';

import type { JobsBoard } from '#server/dashboard/read-jobs-board';

import { formatCount, formatDay } from '../../format';
import { JOB_STATUS_LABELS } from './labels';

/** One column per status, in the order work moves; each shows its count and its first cards by due date. */
export function JobsBoardColumns({ board }: { board: JobsBoard }) {
  return (
    <div className="board" data-testid="jobs-board">
      {board.columns.map((column) => (
        <section
          key={column.status}
          className="board__column"
          data-status={column.status}
          aria-label={JOB_STATUS_LABELS[column.status]}
        >
          <h2>
            {JOB_STATUS_LABELS[column.status]}
            <span className="board__count" data-testid={`count-${column.status}`}>
              {formatCount(column.count)}
            </span>
          </h2>
          <ul className="board__cards">
            {column.cards.map((card) => (
              <li key={card.id} className="job-card" data-job-id={card.id}>
                <div className="job-card__title">
                  <Link to={`/orders/${card.orderId}`}>{card.order}</Link>
                  <span>{formatCount(card.quantity)} ×</span>
                </div>
                <div>{card.sku}</div>
                <div className="job-card__meta">
                  <Link to={`/workshops/${card.workshopId}`}>{card.workshop}</Link>
                  {card.artisan ? ` · ${card.artisan}` : ''}
                </div>
                <div className="job-card__meta">
                  due {formatDay(card.dueOn)}
                  {board.week === 'all' ? ` · ${card.week}` : ''}
                  {card.passedQuantity > 0 ? ` · ${formatCount(card.passedQuantity)} passed` : ''}
                </div>
              </li>
            ))}
          </ul>
          {column.count > column.cards.length ? (
            <p className="board__more">
              and {formatCount(column.count - column.cards.length)} more ({formatCount(column.units)} units in all)
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
