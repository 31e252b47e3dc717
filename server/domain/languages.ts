/**
 * The languages the phone pages speak, chosen per account. English is the default because every
 * account created before the choice existed was written to in English. Safe to import from the browser.
 */
export const LANGUAGES = ['en', 'sw'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', sw: 'Kiswahili' };

export const DEFAULT_LANGUAGE: Language = 'en';
