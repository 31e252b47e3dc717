import { type AssignmentRow, type ChangeRow, type UnplacedRow } from './plan-view-rows';

/**
 * The proposal page's search box: which rows of each view a search keeps. Rows are built once per
 * plan (see plan-contents.ts) and searched per request, so the search is the only per-request
 * work on them.
 */
const matches = (filter: string, ...texts: string[]) =>
  filter === '' || texts.some((text) => text.toLowerCase().includes(filter));

/** What a person typed, as the rows are compared with it. */
export const searchFilterOf = (query: string) => query.trim().toLowerCase();

export const searchAssignmentRows = (rows: readonly AssignmentRow[], filter: string) =>
  filter === '' ? rows : rows.filter((row) => matches(filter, row.code, row.name, row.area));

export const searchUnplacedRows = (rows: readonly UnplacedRow[], filter: string) =>
  filter === ''
    ? rows
    : rows.filter((row) => matches(filter, row.reference, row.sku, row.productName, row.skill, row.reason));

export const searchChangeRows = (rows: readonly ChangeRow[], filter: string) =>
  filter === '' ? rows : rows.filter((row) => matches(filter, row.code, row.name));
