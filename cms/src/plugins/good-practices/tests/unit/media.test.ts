import { describe, expect, it } from 'vitest';
import { mapImage, renditionsOf } from '../../server/src/mappers/media';
import { coverImageIds } from '../../server/src/invariants/cover-image';

describe('renditionsOf (Strapi formats → contract renditions)', () => {
  it('keeps copies with a URL and a size, narrowest first, one per width, narrower than the original', () => {
    const formats = {
      large: { url: '/uploads/large_a.jpg', width: 1000, height: 563 },
      thumbnail: { url: '/uploads/thumbnail_a.jpg', width: 245, height: 138 },
      small: { url: '/uploads/small_a.jpg', width: 500, height: 281 },
      same: { url: '/uploads/same_a.jpg', width: 500, height: 281 },
      huge: { url: '/uploads/huge_a.jpg', width: 1600, height: 900 },
      noUrl: { width: 300, height: 100 },
      noSize: { url: '/uploads/x.jpg' },
      zero: { url: '/uploads/z.jpg', width: 0, height: 0 },
    };
    expect(renditionsOf(formats, 1600).map((r) => r.width)).toEqual([245, 500, 1000]);
    expect(renditionsOf(formats, 1600)[1]!.url).toBe('/uploads/small_a.jpg');
    expect(renditionsOf(formats, null).map((r) => r.width)).toEqual([245, 500, 1000, 1600]);
  });

  it('reads anything else as no copies', () => {
    for (const formats of [null, undefined, 'large', [], 42]) expect(renditionsOf(formats, 1000)).toEqual([]);
    expect(mapImage({ url: '/uploads/a.png', alternativeText: '', width: 10, height: 10, formats: null })).toEqual({
      url: '/uploads/a.png',
      alternativeText: null,
      width: 10,
      height: 10,
      renditions: [],
    });
  });
});

describe('coverImageIds (what a write names as the cover image)', () => {
  it.each([
    [12, [12]],
    ['12', [12]],
    [{ id: 12 }, [12]],
    [{ id: 12, url: '/uploads/a.png' }, [12]],
    [[{ id: 1 }, 2], [1, 2]],
    [{ set: [{ id: 3 }] }, [3]],
    [{ connect: [4] }, [4]],
    [null, []],
    ['', []],
    [{ disconnect: [5] }, []],
    ['abc', []],
  ])('%j → %j', (value, ids) => {
    expect(coverImageIds(value)).toEqual(ids);
  });
});
