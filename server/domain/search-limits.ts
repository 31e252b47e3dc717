/**
 * The longest search a list page accepts: enough for any order reference, SKU, workshop or
 * customer name. Query schemas refuse longer ones, and search inputs set it as their maxlength,
 * so a person cannot type past it.
 */
export const SEARCH_MAX_LENGTH = 60;
