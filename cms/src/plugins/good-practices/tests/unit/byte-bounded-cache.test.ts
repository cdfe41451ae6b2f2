import { describe, expect, it } from 'vitest';
import { byteBoundedCache } from '../../server/src/read-model/byte-bounded-cache';

const bytes = (length: number) => Promise.resolve(Buffer.alloc(length));

describe('byteBoundedCache', () => {
  it('computes a key once and answers it from the cache afterwards', async () => {
    const cache = byteBoundedCache(100);
    let computed = 0;
    const compute = () => {
      computed += 1;
      return bytes(10);
    };
    const [first, second] = await Promise.all([cache.get('a', compute), cache.get('a', compute)]);
    expect(await cache.get('a', compute)).toBe(first);
    expect(second).toBe(first);
    expect(computed).toBe(1);
    expect(cache.bytes).toBe(10);
  });

  it('drops the least recently used values beyond its size, never the newest', async () => {
    const cache = byteBoundedCache(100);
    await cache.get('a', () => bytes(40));
    await cache.get('b', () => bytes(40));
    await cache.get('a', () => bytes(40)); // a is now more recent than b
    await cache.get('c', () => bytes(40));
    await Promise.resolve();
    expect(cache.bytes).toBe(80);
    let recomputed = '';
    await cache.get('b', () => ((recomputed += 'b'), bytes(40)));
    expect(recomputed).toBe('b');
    // One value larger than the whole cache is still kept (alone) until the next one arrives.
    await cache.get('huge', () => bytes(500));
    await Promise.resolve();
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(500);
  });

  it('keeps no failure: the next caller computes again', async () => {
    const cache = byteBoundedCache(100);
    await expect(cache.get('a', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    await Promise.resolve();
    expect(await cache.get('a', () => bytes(3))).toHaveLength(3);
    expect(cache.bytes).toBe(3);
  });
});
