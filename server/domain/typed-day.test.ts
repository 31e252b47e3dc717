import { describe, expect, it } from 'vitest';

import { readTypedDay } from './typed-day';

describe('days as people type them', () => {
  it('reads the ways a day is written on Kiwanda’s pages and in Kenya', () => {
    for (const typed of [
      '2026-11-07',
      '7 Nov 2026',
      '7 nov 2026',
      '07 November 2026',
      ' 7  Nov 2026 ',
      '7/11/2026',
      '07.11.2026',
      '7-11-2026',
    ])
      expect(readTypedDay(typed), typed).toBe('2026-11-07');
  });

  it('reads nothing from what is not a day, or not one of the calendar', () => {
    for (const typed of ['', 'tomorrow', '31 Feb 2026', '2026-02-30', '13/13/2026', '7 Nov 26', 'Nov 7 2026'])
      expect(readTypedDay(typed), typed).toBeUndefined();
  });
});
