import { type InputHTMLAttributes } from 'react';

import { TYPED_DAY_SAMPLE } from '#server/domain/typed-day';

import { formatDay } from '../format';

/**
 * A day field that reads and writes days as every page does ("7 Nov 2026"). The browser's own
 * date picker shows the day in the browser's locale (12/20/2026 in an American build), which
 * the rest of the page never uses; the server reads what is typed (see typed-day.ts).
 */
export function DayInput({
  defaultValue,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'defaultValue'> & {
  name: string;
  /** "YYYY-MM-DD" to show as the pages write it; any other text (a refused value) is shown as typed. */
  defaultValue?: string;
}) {
  const shown = defaultValue && /^\d{4}-\d{2}-\d{2}$/.test(defaultValue) ? formatDay(defaultValue) : defaultValue;
  return (
    <input
      type="text"
      autoComplete="off"
      placeholder={`e.g. ${TYPED_DAY_SAMPLE}`}
      maxLength={20}
      size={11}
      defaultValue={shown ?? ''}
      {...props}
    />
  );
}
