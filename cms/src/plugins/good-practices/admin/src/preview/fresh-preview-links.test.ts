/**
 * The middleware against a real RTK Query store (the library and version of Strapi's admin) with
 * an endpoint shaped like the Content Manager's `getPreviewUrl`; the refresh delay is shortened.
 */
import { configureStore } from '@reduxjs/toolkit';
import { createApi } from '@reduxjs/toolkit/query';
import { describe, expect, it, vi } from 'vitest';
import { freshPreviewLinks, REFRESH_AFTER_MS } from './fresh-preview-links';

const REFRESH_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function adminStore() {
  let issued = 0;
  const api = createApi({
    reducerPath: 'adminApi',
    baseQuery: async () => ({ data: null }),
    endpoints: (builder) => ({
      getPreviewUrl: builder.query<{ data: { url: string } }, { documentId: string }>({
        queryFn: (args) => {
          issued += 1;
          return { data: { data: { url: `https://site.test/preview/practices/${args.documentId}?token=${issued}` } } };
        },
        keepUnusedDataFor: 0.2,
      }),
      getOther: builder.query<string, void>({ queryFn: () => ({ data: 'other' }) }),
    }),
  });
  const store = configureStore({
    reducer: { [api.reducerPath]: api.reducer },
    middleware: (defaults) => defaults().concat(api.middleware, freshPreviewLinks(api, 'getPreviewUrl', REFRESH_MS)),
  });
  const url = () => api.endpoints.getPreviewUrl.select({ documentId: 'abc123' })(store.getState() as never).data?.data.url;
  return { api, store, url, issued: () => issued };
}

describe('fresh preview links', () => {
  it('refreshes a minute before the 10-minute token expires', () => {
    expect(REFRESH_AFTER_MS).toBe(540_000);
  });

  it('refetches a cached preview URL before its token expires, for as long as it is used, then stops', async () => {
    const { api, store, url, issued } = adminStore();
    const subscription = store.dispatch(api.endpoints.getPreviewUrl.initiate({ documentId: 'abc123' }));
    await subscription;
    expect(url()).toMatch(/token=1$/);

    // A component using it: the URL is renewed, again and again.
    await vi.waitFor(() => expect(url()).toMatch(/token=2$/), { timeout: 2_000, interval: 10 });
    await vi.waitFor(() => expect(url()).toMatch(/token=3$/), { timeout: 2_000, interval: 10 });

    // Nobody uses it any more: RTK drops it, and no request follows.
    subscription.unsubscribe();
    await vi.waitFor(() => expect(url()).toBeUndefined(), { timeout: 2_000, interval: 10 });
    const after = issued();
    await sleep(REFRESH_MS * 4);
    expect(issued()).toBe(after);
  });

  it('leaves other queries alone', async () => {
    const { api, store, issued } = adminStore();
    await store.dispatch(api.endpoints.getOther.initiate());
    await sleep(REFRESH_MS * 3);
    expect(issued()).toBe(0);
  });
});
