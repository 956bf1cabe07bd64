// Paging limits of the list endpoints (/articles and /search), shared by the client and the server.

/** Items per page when a request names no `limit`. */
export const DEFAULT_PAGE_SIZE = 20;
/** The most items one request may ask for. */
export const MAX_PAGE_SIZE = 50;
