/**
 * How long a preview URL's token stays usable (contract/preview-token.ts): long enough to load
 * the page, short enough that a leaked URL is soon worthless. A file of its own, free of Node
 * modules, so that the admin panel (which keeps its cached preview URLs fresh) can import it.
 */
export const PREVIEW_TOKEN_LIFETIME_SECONDS = 600;
