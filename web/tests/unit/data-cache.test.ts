/** The cache of rarely changing CMS answers (locales, site texts) used by renders on request. */
import { describe, expect, it } from 'vitest';
import { TaggedDataCache } from '../../src/lib/cache/data-cache';

function counter<T>(value: () => T) {
  const calls = { count: 0 };
  const load = async () => {
    calls.count += 1;
    return value();
  };
  return { calls, load };
}

describe('tagged data cache', () => {
  it('shares one load between concurrent and later callers until the TTL', async () => {
    let now = 0;
    const cache = new TaggedDataCache({ ttlMs: 1000, now: () => now });
    const { calls, load } = counter(() => ['en', 'ar']);
    const results = await Promise.all(Array.from({ length: 10 }, () => cache.get('locales', ['site'], load)));
    expect(results.every((r) => r.join() === 'en,ar')).toBe(true);
    expect(calls.count).toBe(1);
    now = 1000;
    await cache.get('locales', ['site'], load);
    expect(calls.count).toBe(1);
    now = 1001;
    await cache.get('locales', ['site'], load);
    expect(calls.count).toBe(2);
  });

  it('drops entries with an invalidated tag, in flight or not', async () => {
    const cache = new TaggedDataCache({ ttlMs: 60_000 });
    let version = 1;
    const { calls, load } = counter(() => `v${version}`);
    expect(await cache.get('site:en', ['site'], load)).toBe('v1');
    version = 2;
    expect(cache.invalidate(['framework'])).toBe(0);
    expect(await cache.get('site:en', ['site'], load)).toBe('v1');
    expect(cache.invalidate(['practices', 'site'])).toBe(1);
    expect(await cache.get('site:en', ['site'], load)).toBe('v2');

    // An invalidation while a load is running: callers after it do not join the old load.
    let release!: () => void;
    const slow = cache.get('site:ar', ['site'], () => new Promise<string>((resolve) => (release = () => resolve('before'))));
    cache.invalidate(['site']);
    const after = cache.get('site:ar', ['site'], async () => 'after');
    release();
    expect(await slow).toBe('before');
    expect(await after).toBe('after');
    expect(calls.count).toBe(2);
  });

  it('does not keep failures: the next call asks again', async () => {
    const cache = new TaggedDataCache({ ttlMs: 60_000 });
    let fail = true;
    const load = async () => {
      if (fail) throw new Error('CMS down');
      return 'ok';
    };
    await expect(cache.get('locales', ['site'], load)).rejects.toThrow('CMS down');
    fail = false;
    expect(await cache.get('locales', ['site'], load)).toBe('ok');
  });

  it('serves the last answer that loaded while reloading fails, after its TTL or an invalidation, and asks again after retryMs', async () => {
    let now = 0;
    const cache = new TaggedDataCache({ ttlMs: 1000, retryMs: 500, now: () => now });
    let down = false;
    let version = 1;
    let calls = 0;
    const load = async () => {
      calls += 1;
      if (down) throw new Error('CMS down');
      return { locales: [`v${version}`] };
    };
    expect(await cache.get('locales', ['site'], load)).toEqual({ locales: ['v1'] });
    down = true;
    now = 5000; // expired
    expect(await cache.get('locales', ['site'], load)).toEqual({ locales: ['v1'] });
    expect(calls).toBe(2);
    // A failing CMS is not asked on every call: the stale answer stands in until retryMs.
    now = 5400;
    expect(await cache.get('locales', ['site'], load)).toEqual({ locales: ['v1'] });
    expect(calls).toBe(2);
    now = 5600;
    expect(await cache.get('locales', ['site'], load)).toEqual({ locales: ['v1'] });
    expect(calls).toBe(3);
    cache.invalidate(['site']);
    const stale = await cache.get('locales', ['site'], load);
    expect(stale).toEqual({ locales: ['v1'] });
    stale.locales.push('changed by a page');
    // Back up: once retryMs has passed, the new answer, not the stale one.
    down = false;
    version = 2;
    now = 6200;
    expect(await cache.get('locales', ['site'], load)).toEqual({ locales: ['v2'] });
    // A key that never loaded still fails.
    down = true;
    await expect(cache.get('site:cs', ['site'], load)).rejects.toThrow('CMS down');
  });

  it('gives each caller its own copy', async () => {
    const cache = new TaggedDataCache({ ttlMs: 60_000 });
    const first = await cache.get('site:en', ['site'], async () => ({ labels: { a: 'A' } }));
    first.labels.a = 'changed by a page';
    expect((await cache.get('site:en', ['site'], async () => ({ labels: { a: 'other' } }))).labels.a).toBe('A');
  });
});
