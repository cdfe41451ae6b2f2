/**
 * Keeps the admin panel's cached preview URLs usable. Each preview URL carries a token valid
 * 10 minutes (contract/preview-token.ts), but the Content Manager caches the URL it fetched
 * (RTK Query, `getPreviewUrl`): the edit view's side panel fetches it when the entry opens, and
 * "Open preview" reuses that answer when the query is the same, however old — so an editor who
 * opened the preview after 15 minutes of work would get an expired link.
 *
 * This store middleware refetches every cached preview URL a minute before its token expires, for
 * as long as the answer stays in the cache (RTK drops it a minute after the last component using
 * it goes away, and the refreshing stops with it). An open Preview page then reloads its frame
 * with the fresh URL: what it shows stays openable, and shows the latest saved draft.
 */
import { PREVIEW_TOKEN_LIFETIME_SECONDS } from '../../../contract/preview-lifetime';

/** Refetch this long before the token expires. */
const MARGIN_MS = 60_000;
export const REFRESH_AFTER_MS = PREVIEW_TOKEN_LIFETIME_SECONDS * 1000 - MARGIN_MS;

/** The parts of an RTK Query endpoint this middleware uses. */
interface PreviewUrlEndpoint {
  matchFulfilled(action: unknown): boolean;
  select(args: unknown): (state: never) => { status: string; fulfilledTimeStamp?: number };
  initiate(args: unknown, options: { subscribe: boolean; forceRefetch: boolean }): unknown;
}

/** An RTK Query api: the Content Manager injects `getPreviewUrl` into Strapi's `adminApi`. */
export interface ApiWithEndpoints {
  endpoints: object;
}

interface StoreApi {
  getState(): unknown;
  dispatch(action: unknown): unknown;
}

type StoreAction = { type: string };

interface FulfilledMeta {
  meta?: { arg?: { originalArgs?: unknown }; fulfilledTimeStamp?: number };
}

export function freshPreviewLinks(api: ApiWithEndpoints, endpointName = 'getPreviewUrl', refreshAfterMs = REFRESH_AFTER_MS) {
  // Looked up on each action: the Content Manager may inject the endpoint after this is created.
  const endpoint = () => (api.endpoints as Record<string, PreviewUrlEndpoint | undefined>)[endpointName];

  return (store: StoreApi) => (next: (action: StoreAction) => unknown) => (action: StoreAction) => {
    const result = next(action);
    const previewUrl = endpoint();
    if (previewUrl?.matchFulfilled(action)) {
      const { meta } = action as FulfilledMeta;
      const args = meta?.arg?.originalArgs;
      const fetchedAt = meta?.fulfilledTimeStamp ?? Date.now();
      setTimeout(() => {
        const entry = previewUrl.select(args)(store.getState() as never);
        // Gone from the cache (nobody uses it any more), or fetched again since: nothing to do.
        if (entry.status === 'uninitialized' || (entry.fulfilledTimeStamp ?? 0) > fetchedAt) return;
        store.dispatch(previewUrl.initiate(args, { subscribe: false, forceRefetch: true }));
      }, refreshAfterMs);
    }
    return result;
  };
}
