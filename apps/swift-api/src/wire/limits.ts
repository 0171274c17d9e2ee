/** Swift's listing limits here: account_listing_limit, and the KakaoCloud document's 1000 for containers. */
export const ACCOUNT_LISTING_LIMIT = 10000;
export const CONTAINER_LISTING_LIMIT = 1000;
/** Swift's max_failed_deletes: past this many failed entries a bulk delete stops. */
export const MAX_FAILED_BULK_DELETES = 1000;
