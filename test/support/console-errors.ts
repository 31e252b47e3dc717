import type { Page } from 'playwright-core';

/**
 * Remix logs the abort of a load it is still decoding when a newer navigation supersedes it
 * (a link clicked while a live push's revalidation streams in), and the page may also report it
 * as an uncaught rejection. Nothing is lost: the newer navigation loads fresh data. Every other
 * error counts.
 */
const SUPERSEDED_LOAD = /^AbortError: signal is aborted/;

/** Chromium logs every 4xx response; tests that are refused on purpose allow theirs. */
export interface ConsoleErrorOptions {
  allowStatuses?: number[];
  /** Prefix each error with the page's address, for tests that walk many pages. */
  withUrl?: boolean;
}

/**
 * Collects a page's console errors and uncaught exceptions into `errors` (several pages may share
 * one list), which the test asserts is empty at the end.
 */
export function collectConsoleErrors(page: Page, errors: string[], options: ConsoleErrorOptions = {}): string[] {
  const allowed = (options.allowStatuses ?? []).map((status) => `status of ${status}`);
  const record = (text: string) => {
    if (SUPERSEDED_LOAD.test(text)) return;
    errors.push(options.withUrl ? `${page.url()}: ${text}` : text);
  };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!allowed.some((status) => text.includes(status))) record(text);
  });
  page.on('pageerror', (error) => record(String(error)));
  return errors;
}
