import { readAggregateRevision } from './aggregate-state';
import { monthStart } from './impact-period';

/**
 * One revision of an aggregate's rows held in memory: its month rows, all read at once, and its
 * day rows, read a month at a time the first time a report cuts that month.
 */
export interface AggregateInMemory<Row> {
  /** The aggregate's revision these rows are of (null before its first build). */
  revision: string | null;
  /** One row per maker and month, dated at the month's start, by month "YYYY-MM". */
  monthRows: ReadonlyMap<string, readonly Row[]>;
  /** The month's day rows, one per maker and day. */
  dayRows(month: string): Promise<readonly Row[]>;
}

/** The instant the month "YYYY-MM" starts in Nairobi. */
function startOfMonthText(month: string): Date {
  const [year, index] = month.split('-').map(Number);
  return monthStart(year, index);
}

/** The days of the month "YYYY-MM" in Nairobi, as a query on a `day` field. */
export function daysOfMonth(month: string): { $gte: Date; $lt: Date } {
  const [year, index] = month.split('-').map(Number);
  return { $gte: monthStart(year, index), $lt: monthStart(year, index + 1) };
}

/**
 * Per-maker documents that hold their figures by month ("YYYY-MM" keys) turned into rows dated
 * at their month's start, by month. `makerOf` runs once per document, not once per month.
 */
export function rowsByMonth<Doc extends { months?: Record<string, Figures> }, Figures, Maker, Row>(
  docs: readonly Doc[],
  makerOf: (doc: Doc) => Maker,
  toRow: (maker: Maker, figures: Figures, start: Date, month: string) => Row,
): Map<string, Row[]> {
  const byMonth = new Map<string, Row[]>();
  const starts = new Map<string, Date>();
  for (const doc of docs) {
    const maker = makerOf(doc);
    for (const [month, figures] of Object.entries(doc.months ?? {})) {
      let start = starts.get(month);
      if (!start) starts.set(month, (start = startOfMonthText(month)));
      let rows = byMonth.get(month);
      if (!rows) byMonth.set(month, (rows = []));
      rows.push(toRow(maker, figures, start, month));
    }
  }
  return byMonth;
}

/**
 * An aggregate's rows kept in this process between reports, so that a report reads no rows from
 * the database and builds no row objects. Every read asks the database for the aggregate's
 * revision (one small document; see ImpactAggregateStateDoc.revision) and loads the rows again
 * when it moved: a payment, an inspection or a rebuild written by any process sharing the
 * database is seen by the next report of every process, with no restart and no event to wait
 * for. The revision is read before the rows, so rows loaded while a write lands are, at worst,
 * newer than their revision says, and are loaded again on the next read.
 *
 * NOTE: the rows are shared by every report of a revision: readers must not change them.
 */
export function keepAggregateInMemory<Row>({
  stateId,
  loadMonthRows,
  loadDayRows,
}: {
  stateId: string;
  loadMonthRows: () => Promise<Map<string, Row[]>>;
  loadDayRows: (month: string) => Promise<Row[]>;
}): () => Promise<AggregateInMemory<Row>> {
  let kept: { revision: string; aggregate: Promise<AggregateInMemory<Row>> } | null = null;

  const load = async (revision: string | null): Promise<AggregateInMemory<Row>> => {
    const monthRows = await loadMonthRows();
    const days = new Map<string, Promise<Row[]>>();
    return {
      revision,
      monthRows,
      dayRows(month) {
        let rows = days.get(month);
        if (!rows) {
          rows = loadDayRows(month);
          days.set(month, rows);
          // A failed read is not kept: the next report tries again.
          rows.catch(() => days.delete(month));
        }
        return rows;
      },
    };
  };

  return async () => {
    const revision = await readAggregateRevision({ id: stateId });
    // Before the first build there is nothing worth keeping.
    if (revision === null) return load(null);
    if (kept?.revision !== revision) {
      const aggregate = load(revision);
      const entry = { revision, aggregate };
      kept = entry;
      aggregate.catch(() => {
        if (kept === entry) kept = null;
      });
    }
    return kept.aggregate;
  };
}
