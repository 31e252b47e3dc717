import { format, isValid, parse } from 'date-fns';

/**
 * Days as people type them on Kiwanda's pages, which write days as "7 Nov 2026": that, the full
 * month name, day-first numbers as Kenya writes them (7/11/2026), and ISO (2026-11-07, what links
 * and the API carry). Month-first (11/7/2026) is not among them: it would silently read a
 * different day.
 */
const TYPED_DAY_FORMATS = ['yyyy-MM-dd', 'd MMM yyyy', 'd MMMM yyyy', 'd/M/yyyy', 'd.M.yyyy', 'd-M-yyyy'] as const;

/** A typed day as "YYYY-MM-DD", or undefined when it is none of the accepted ways of writing one. */
export function readTypedDay(text: string): string | undefined {
  const typed = text.trim().replace(/\s+/g, ' ');
  for (const pattern of TYPED_DAY_FORMATS) {
    const day = parse(typed, pattern, new Date(2000, 0, 1));
    // parse accepts "2026-1-7" for yyyy-MM-dd and two-digit years for yyyy: the round trip refuses both.
    if (isValid(day) && day.getFullYear() >= 1000) return format(day, 'yyyy-MM-dd');
  }
  return undefined;
}

/** The day the pages show as an example of how to write one. */
export const TYPED_DAY_SAMPLE = '7 Nov 2026';

/** For zod's preprocess: a typed day becomes ISO; anything else passes through to be refused by name. */
export function normaliseTypedDay(value: unknown): unknown {
  return typeof value === 'string' ? (readTypedDay(value) ?? value) : value;
}
