import { type PhoneWords } from './phone-words';

/** The artisan's three pages, as tabs. */
export function artisanTabs(words: PhoneWords): { to: string; label: string }[] {
  return [
    { to: '/my-jobs', label: words.tabs.jobs },
    { to: '/my-jobs/earnings', label: words.tabs.earnings },
    { to: '/my-jobs/availability', label: words.tabs.availability },
  ];
}
