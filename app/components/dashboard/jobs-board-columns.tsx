import { Link, useSearchParams } from '@remix-run/react';

import type { JobCard, JobsBoard } from '#server/dashboard/read-jobs-board';

import { formatCount, formatDay } from '../../format';
import { JOB_STATUS_LABELS } from './labels';

/** The board's URL with one column opened alone (or closed again), keeping the week and workshop. */
export function useColumnHref() {
  const [searchParams] = useSearchParams();
  return (column: string | null) => {
    const next = new URLSearchParams(searchParams);
    next.delete('page');
    if (column) next.set('column', column);
    else next.delete('column');
    const query = next.toString();
    return query ? `/jobs?${query}` : '/jobs';
  };
}

function JobCardItem({ card, showWeek }: { card: JobCard; showWeek: boolean }) {
  return (
    <li className={`job-card${card.late ? ' job-card--late' : ''}`} data-job-id={card.id} data-late={card.late}>
      <div className="job-card__title">
        <Link to={`/orders/${card.orderId}`}>{card.order}</Link>
        <span>{formatCount(card.quantity)} ×</span>
      </div>
      <div>
        {card.product} <span className="job-card__meta">{card.sku}</span>
      </div>
      <div className="job-card__meta">
        <Link to={`/workshops/${card.workshopId}`}>{card.workshop}</Link>
        {card.artisan ? ` · ${card.artisan}` : ''}
      </div>
      <div className="job-card__meta">
        {card.late ? <strong className="job-card__late">Late · </strong> : null}
        due {formatDay(card.dueOn)}
        {showWeek ? ` · ${card.week}` : ''}
        {card.passedQuantity > 0 ? ` · ${formatCount(card.passedQuantity)} passed` : ''}
      </div>
    </li>
  );
}

/**
 * One column per status, in the order work moves; each shows its count, how many are late and its
 * first cards by due date, with a link that opens the column alone to page through all of them.
 */
export function JobsBoardColumns({ board }: { board: JobsBoard }) {
  const columnHref = useColumnHref();
  return (
    <div className={board.opened ? 'board board--opened' : 'board'} data-testid="jobs-board">
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
          {column.late > 0 ? (
            <p className="board__late" data-testid={`late-${column.status}`}>
              {formatCount(column.late)} late
            </p>
          ) : null}
          <ul className="board__cards">
            {column.cards.map((card) => (
              <JobCardItem key={card.id} card={card} showWeek={board.week === 'all'} />
            ))}
          </ul>
          {!board.opened && column.count > column.cards.length ? (
            <p className="board__more">
              and {formatCount(column.count - column.cards.length)} more ({formatCount(column.units)} units in all) ·{' '}
              <Link to={columnHref(column.status)}>show all</Link>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
