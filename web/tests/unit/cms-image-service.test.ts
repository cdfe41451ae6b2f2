/**
 * The image service's own decisions; tests/e2e/suite.ts checks what <Image> renders with it in
 * both modes against the CMS's real uploads.
 */
import { describe, expect, it } from 'vitest';
import service, { candidatesOf } from '../../src/lib/images/cms-image-service';

const logger = { info() {}, warn() {}, error() {}, debug() {} } as never;
const config = {} as never;
const renditions = [
  { url: 'http://cms/uploads/small_a.jpg', width: 500, height: 281 },
  { url: 'http://cms/uploads/thumbnail_a.jpg', width: 245, height: 138 },
];

describe('the CMS image service', () => {
  it('offers the copies and the original as a srcset, narrowest first, each at its own URL', async () => {
    const options = { src: 'http://cms/uploads/a.jpg', width: 1600, height: 900, renditions };
    expect(candidatesOf(options).map((c) => c.width)).toEqual([245, 500, 1600]);
    const srcSet = await service.getSrcSet!(options, config, logger);
    expect(srcSet.map((entry) => entry.descriptor)).toEqual(['245w', '500w', '1600w']);
    const urls = await Promise.all(srcSet.map((entry) => service.getURL(entry.transform, config, logger)));
    expect(urls).toEqual(['http://cms/uploads/thumbnail_a.jpg', 'http://cms/uploads/small_a.jpg', 'http://cms/uploads/a.jpg']);
    expect(await service.getURL(options, config, logger)).toBe('http://cms/uploads/a.jpg');
  });

  it('gives no srcset to an image without copies', async () => {
    expect(await service.getSrcSet!({ src: 'http://cms/uploads/a.jpg', width: 200, height: 100, renditions: [] }, config, logger)).toEqual([]);
  });

  it('keeps its own options out of the <img> attributes, lazy and async unless told otherwise', async () => {
    const attributes = await service.getHTMLAttributes!({ src: 'x', width: 10, height: 5, renditions, format: 'webp', alt: 'A', sizes: '100vw', class: 'card-cover' }, config, logger);
    expect(attributes).toEqual({ width: 10, height: 5, alt: 'A', sizes: '100vw', class: 'card-cover', loading: 'lazy', decoding: 'async' });
    expect(await service.getHTMLAttributes!({ src: 'x', loading: 'eager', decoding: 'sync' }, config, logger)).toMatchObject({ loading: 'eager', decoding: 'sync' });
  });

  it('refuses an image that is not a CMS URL', () => {
    expect(() => service.validateOptions!({ src: { src: '/a.png', width: 1, height: 1, format: 'png' } } as never, config, logger)).toThrow(/uploads of the CMS/);
  });
});
