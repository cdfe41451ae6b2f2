import { describe, expect, it } from 'vitest';
import { cmsHeapMb, cmsNodeFlags, DEFAULT_CMS_HEAP_MB, withCmsNodeOptions } from '../lib/cms-memory.ts';

describe('the CMS heap limits', () => {
  it('caps the old space at CMS_HEAP_MB (default 512 MB) and the young generation at 16 MB', () => {
    expect(cmsNodeFlags({})).toEqual([`--max-old-space-size=${DEFAULT_CMS_HEAP_MB}`, '--max-semi-space-size=16']);
    expect(cmsNodeFlags({ CMS_HEAP_MB: ' 1024 ' })[0]).toBe('--max-old-space-size=1024');
    expect(cmsHeapMb({ CMS_HEAP_MB: '' })).toBe(DEFAULT_CMS_HEAP_MB);
  });

  it('refuses a cap that is not a whole number of megabytes, or too small to boot Strapi', () => {
    for (const bad of ['64', '1.5', 'lots', '-1']) expect(() => cmsHeapMb({ CMS_HEAP_MB: bad }), bad).toThrow(/CMS_HEAP_MB must be a whole number/);
  });

  it('adds the flags to NODE_OPTIONS before the user\'s own, which therefore win', () => {
    expect(withCmsNodeOptions({ NODE_OPTIONS: '--max-old-space-size=2048 --enable-source-maps' }).NODE_OPTIONS).toBe(
      '--max-old-space-size=512 --max-semi-space-size=16 --max-old-space-size=2048 --enable-source-maps',
    );
    expect(withCmsNodeOptions({}).NODE_OPTIONS).toBe('--max-old-space-size=512 --max-semi-space-size=16');
  });
});
