/**
 * Why a workshop turns an offer down: a short fixed list an artisan taps on the phone, kept on
 * the job's history as the decline's note so planners see why work came back. Safe to import
 * from the browser.
 */
export const DECLINE_REASONS = ['no-time', 'no-materials', 'not-our-skill', 'rate-too-low', 'away'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
