/** Whether an artisan takes work: active, paused for a while, or left the network. Safe in the browser. */
export const ARTISAN_STATUSES = ['active', 'paused', 'left'] as const;
export type ArtisanStatus = (typeof ARTISAN_STATUSES)[number];
