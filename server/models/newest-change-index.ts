/**
 * The order of a collection's newest change first. Planning stamps the data it reads with each
 * input collection's newest change (services/read-data-version.ts), and every view of a proposal
 * reads that stamp to say whether the proposal is still current: in this order, an index answers
 * it with one entry instead of a scan of every order, job and artisan.
 */
export const NEWEST_CHANGE_FIRST = { updatedAt: -1, _id: -1 } as const;
