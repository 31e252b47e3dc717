import { type Language } from '../domain/languages';
import { nairobiCalendarDay } from '../domain/weeks';

/**
 * How the USSD menu writes money, days and names: plain ASCII in few characters, because a screen
 * holds about 182 of them and the networks cannot show other characters on every handset (which
 * is why the pages' Intl formats, with their no-break spaces, are not used here).
 */
export const USSD_SCREEN_LIMIT = 182;

const MONTHS: Record<Language, string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  sw: ['Jan', 'Feb', 'Mac', 'Apr', 'Mei', 'Jun', 'Jul', 'Ago', 'Sep', 'Okt', 'Nov', 'Des'],
};

/** "KES 1,200", or "KES 1,200.50" when there are cents. */
export function ussdKes(cents: number): string {
  const shillings = Math.floor(cents / 100);
  const rest = cents % 100;
  const grouped = String(shillings).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `KES ${grouped}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}

/** "12 Mar" (or "12 Mac") on Nairobi's calendar. */
export function ussdDay(at: Date, language: Language): string {
  const { month, day } = nairobiCalendarDay(at);
  return `${day} ${MONTHS[language][month - 1]}`;
}

/** A name as a screen can show it: accents dropped, other characters left out, at most `max` long. */
export function ussdPlain(text: string, max: number): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[^\x20-\x7E]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return ascii.length <= max ? ascii : `${ascii.slice(0, max - 1).trimEnd()}.`;
}
