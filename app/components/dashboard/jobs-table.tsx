import { Link } from '@remix-run/react';
import { type ReactNode } from 'react';

import type { JobStatus } from '#server/domain/job-status';

import { formatCount, formatDay } from '../../format';
import { JobStatusBadge } from './status-badge';

/** What every jobs table shows of a job; pages add the columns that say where it belongs. */
export interface JobsTableRow {
  id: string;
  artisan: string | null;
  week: string;
  dueOn: string;
  status: JobStatus;
  quantity: number;
  passedQuantity: number;
  failedQuantity: number;
}

export interface JobsTableColumn<Row> {
  header: string;
  cell: (job: Row) => ReactNode;
}

/** The jobs of an order or a workshop: the page's own columns first, then the job's progress. */
export function JobsTable<Row extends JobsTableRow>({
  jobs,
  columns,
  testId,
}: {
  jobs: Row[];
  columns: JobsTableColumn<Row>[];
  testId?: string;
}) {
  return (
    <div className="table-scroll">
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header}>{column.header}</th>
            ))}
            <th>Artisan</th>
            <th>Week</th>
            <th>Due</th>
            <th>Status</th>
            <th className="num">Units</th>
            <th className="num">Passed</th>
            <th className="num">Failed</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} data-job-id={job.id}>
              {columns.map((column) => (
                <td key={column.header}>{column.cell(job)}</td>
              ))}
              <td>{job.artisan ?? <span className="muted">not accepted yet</span>}</td>
              <td>{job.week}</td>
              <td>{formatDay(job.dueOn)}</td>
              <td>
                <JobStatusBadge status={job.status} />
              </td>
              <td className="num">{formatCount(job.quantity)}</td>
              <td className="num">{formatCount(job.passedQuantity)}</td>
              <td className="num">{formatCount(job.failedQuantity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The column that leads from a job to its workshop. */
export const WORKSHOP_COLUMN: JobsTableColumn<JobsTableRow & { workshopId: string; workshop: string }> = {
  header: 'Workshop',
  cell: (job) => <Link to={`/workshops/${job.workshopId}`}>{job.workshop}</Link>,
};
