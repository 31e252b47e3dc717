/** A trend collection is drafted, checked against the network's capacity, then launched. Safe in the browser. */
export const COLLECTION_STATUSES = ['draft', 'checked', 'launched'] as const;
export type CollectionStatus = (typeof COLLECTION_STATUSES)[number];
