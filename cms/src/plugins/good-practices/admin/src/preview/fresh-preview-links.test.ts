/**
 * The middleware against a real RTK Query store (the library and version of Strapi's admin) with
 * an endpoint shaped like the Content Manager's `getPreviewUrl`, on fake timers: the real refresh
 * delay and cache lifetime, minutes of them run in no time, and "nothing more happened" is
 * checked after the clock has moved past every moment it could have happened.
 */
import { configureStore } from '@reduxjs/toolkit';
import { createApi } from '@reduxjs/toolkit/query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshPreviewLinks, REFRESH_AFTER_MS } from './fresh-preview-links';

/** RTK Query's default: an answer nobody uses any more is dropped after a minute. */
const KEEP_UNUSED_SECONDS = 60;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

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
        keepUnusedDataFor: KEEP_UNUSED_SECONDS,
      }),
      getOther: builder.query<string, void>({ queryFn: () => ({ data: 'other' }) }),
    }),
  });
  const store = configureStore({
    reducer: { [api.reducerPath]: api.reducer },
    middleware: (defaults) => defaults().concat(api.middleware, freshPreviewLinks(api, 'getPreviewUrl')),
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

    // A component using it: the URL is renewed when the refresh is due, not before, again and again.
    await vi.advanceTimersByTimeAsync(REFRESH_AFTER_MS - 1);
    expect(issued()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(url()).toMatch(/token=2$/);
    await vi.advanceTimersByTimeAsync(REFRESH_AFTER_MS);
    expect(url()).toMatch(/token=3$/);

    // Nobody uses it any more: RTK drops it, and no request follows, however long the admin stays open.
    subscription.unsubscribe();
    await vi.advanceTimersByTimeAsync(KEEP_UNUSED_SECONDS * 1000);
    expect(url()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(REFRESH_AFTER_MS * 3);
    expect(issued()).toBe(3);
  });

  it('leaves other queries alone', async () => {
    const { api, store, issued } = adminStore();
    await store.dispatch(api.endpoints.getOther.initiate());
    await vi.advanceTimersByTimeAsync(REFRESH_AFTER_MS * 3);
    expect(issued()).toBe(0);
  });
});
