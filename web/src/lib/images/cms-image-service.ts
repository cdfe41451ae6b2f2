/**
 * Astro's image service for the CMS's uploads (astro.config.mjs `image.service`): an external
 * service, because the CMS already made the smaller copies (Strapi's responsive formats, in the
 * contract as `image.renditions`). `<Image>` (components/CoverImage.astro) thus gets a srcset of
 * the copies and the original, the original's width and height (no layout shift), lazy loading
 * and async decoding by default, and no image is downloaded or re-encoded by the site: neither at
 * build time (a static build of thousands of practices stays as fast as without images) nor on
 * request (no image endpoint to protect on a public server).
 */
import type { ExternalImageService, ImageTransform } from 'astro';
import type { ImageRendition } from 'strapi-plugin-good-practices/contract';

/** What components/CoverImage.astro passes besides Astro's own options. */
export type CmsImageTransform = ImageTransform & {
  /** The CMS's copies, as absolute URLs (narrowest first). */
  renditions?: readonly ImageRendition[];
};

interface Candidate {
  url: string;
  width: number;
  height: number;
}

/** The copies and the original (when its size is known), narrowest first, one per width. */
export function candidatesOf(options: CmsImageTransform): Candidate[] {
  const byWidth = new Map<number, Candidate>();
  for (const rendition of options.renditions ?? []) byWidth.set(rendition.width, rendition);
  if (typeof options.src === 'string' && options.width && options.height) {
    byWidth.set(options.width, { url: options.src, width: options.width, height: options.height });
  }
  return [...byWidth.values()].sort((a, b) => a.width - b.width);
}

/** Options that shape the URL or the srcset, never HTML attributes of the <img>. */
const TRANSFORM_ONLY = ['src', 'renditions', 'format', 'quality', 'widths', 'densities', 'inferSize', 'fit', 'position', 'background'] as const;

const service: ExternalImageService = {
  validateOptions(options) {
    if (typeof options.src !== 'string') {
      throw new Error('The CMS image service shows uploads of the CMS (a URL); import site assets with an <img> instead.');
    }
    return options;
  },
  getURL(options) {
    // A srcset entry is the copy itself; the <img src> is the original, for a browser without srcset.
    return options.src as string;
  },
  getSrcSet(options) {
    const candidates = candidatesOf(options as CmsImageTransform);
    if (candidates.length < 2) return [];
    return candidates.map((candidate) => ({
      transform: { src: candidate.url, width: candidate.width, height: candidate.height },
      descriptor: `${candidate.width}w`,
      attributes: {},
    }));
  },
  getHTMLAttributes(options) {
    const attributes: Record<string, unknown> = { ...options };
    for (const name of TRANSFORM_ONLY) delete attributes[name];
    return { ...attributes, loading: options.loading ?? 'lazy', decoding: options.decoding ?? 'async' };
  },
};

export default service;
