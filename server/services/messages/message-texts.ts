import { format } from 'date-fns';

import { type Language } from '../../domain/languages';
import { inNairobi } from '../../domain/weeks';

/**
 * The words of every SMS Kiwanda sends, in English and Kiswahili, chosen by the artisan's
 * language. Kept short: one SMS is 160 plain characters, and each further part is paid for.
 */
export interface OfferLine {
  productName: string;
  quantity: number;
  dueDate: Date;
}

/** "12 Dec", a due day in Nairobi. */
const day = (date: Date) => format(date, 'd MMM', { in: inNairobi });
/** Whole shillings as M-Pesa's own messages show them: "KES 1,925". */
const shillings = (whole: number) => `KES ${whole.toLocaleString('en-KE')}`;

/** Up to two offers by name, then how many more. */
function offerSummary(lines: OfferLine[], more: (count: number) => string): string {
  const named = lines.slice(0, 2).map((line) => `${line.quantity} ${line.productName} (${day(line.dueDate)})`);
  return lines.length > 2 ? `${named.join(', ')} ${more(lines.length - 2)}` : named.join(', ');
}

export const MESSAGE_TEXTS: Record<
  Language,
  {
    offer: (input: { workshopName: string; lines: OfferLine[] }) => string;
    receipt: (input: { shillings: number; receipt: string }) => string;
    inspection: (input: { productName: string; passed: number; failed: number }) => string;
  }
> = {
  en: {
    offer: ({ workshopName, lines }) =>
      `Kiwanda: ${lines.length === 1 ? 'a new job' : `${lines.length} new jobs`} for ${workshopName}: ${offerSummary(lines, (n) => `and ${n} more`)}. Open My jobs to accept.`,
    receipt: ({ shillings: whole, receipt }) =>
      `Kiwanda: ${shillings(whole)} sent to your M-Pesa. Receipt ${receipt}. Thank you for your work!`,
    inspection: ({ productName, passed, failed }) =>
      failed === 0
        ? `Kiwanda: ${productName}: all ${passed} pieces passed inspection. Payment follows.`
        : `Kiwanda: ${productName}: ${passed} pieces passed, ${failed} failed inspection. Please rework the ${failed} and mark them ready.`,
  },
  sw: {
    offer: ({ workshopName, lines }) =>
      `Kiwanda: ${lines.length === 1 ? 'kazi mpya' : `kazi mpya ${lines.length}`} kwa ${workshopName}: ${offerSummary(lines, (n) => `na ${n} zaidi`)}. Fungua Kazi zangu kukubali.`,
    receipt: ({ shillings: whole, receipt }) =>
      `Kiwanda: ${shillings(whole)} zimetumwa kwa M-Pesa yako. Risiti ${receipt}. Asante kwa kazi yako!`,
    inspection: ({ productName, passed, failed }) =>
      failed === 0
        ? `Kiwanda: ${productName}: vipande vyote ${passed} vimepita ukaguzi. Malipo yanafuata.`
        : `Kiwanda: ${productName}: vipande ${passed} vimepita, ${failed} havikupita ukaguzi. Tafadhali rekebisha ${failed} na uviweke tayari.`,
  },
};
