import { KENYAN_MOBILE_PATTERN } from './nairobi-areas';

/**
 * A Kenyan mobile number as Kiwanda stores it (+2547XXXXXXXX, +2541XXXXXXXX), from any of the
 * ways people and providers write it: +254…, 254…, 07…/01…, or the nine digits alone, with
 * spaces or dashes. Null when it is not a Kenyan mobile number. Safe to import from the browser.
 */
export function normaliseKenyanMobile(raw: string): string | null {
  const digits = raw.trim().replace(/[\s-]/g, '');
  let national: string | null = null;
  if (/^\+254\d{9}$/.test(digits)) national = digits.slice(4);
  else if (/^254\d{9}$/.test(digits)) national = digits.slice(3);
  else if (/^0\d{9}$/.test(digits)) national = digits.slice(1);
  else if (/^\d{9}$/.test(digits)) national = digits;
  if (national === null) return null;
  const international = `+254${national}`;
  return KENYAN_MOBILE_PATTERN.test(international) ? international : null;
}
