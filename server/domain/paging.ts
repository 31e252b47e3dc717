import { z } from 'zod';

/** The highest page a URL may ask for; beyond it no list has rows, and skip stays a small number. */
const LAST_ASKABLE_PAGE = 100_000;

/**
 * A list's `page` parameter. A page is not something a person types: a link made it, or someone
 * edited the URL. Whatever it holds (`-1`, `abc`, `2.5`), it reads as the nearest page there is
 * rather than replacing the list with an error; `clampPage` then keeps it within the list.
 */
export const pageNumber = z
  .unknown()
  .transform((value) => Math.floor(Number(value)))
  .transform((page) => (Number.isFinite(page) && page >= 1 ? Math.min(page, LAST_ASKABLE_PAGE) : 1))
  // An absent key is not run through the transforms: the first page is its default.
  .default(1);

export interface PageWindow {
  page: number;
  pageCount: number;
  skip: number;
}

/** The page actually shown: a page past the end shows the last one, so "page 99999 of 22" never appears. */
export function clampPage({ page, total, pageSize }: { page: number; total: number; pageSize: number }): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  return { page: current, pageCount, skip: (current - 1) * pageSize };
}

/** One page of rows already in memory, clamped the same way. */
export function pageOf<Row>({ rows, page, pageSize }: { rows: readonly Row[]; page: number; pageSize: number }): {
  rows: Row[];
  page: number;
  pageCount: number;
} {
  const window = clampPage({ page, total: rows.length, pageSize });
  return { rows: rows.slice(window.skip, window.skip + pageSize), page: window.page, pageCount: window.pageCount };
}
