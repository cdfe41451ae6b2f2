import type { Image, ImageRendition } from '../../../contract';
import { isPlainObject } from '../domain/json-values';
import type { MediaRow } from './public-rows';

const isSize = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

/**
 * Strapi's responsive copies of an upload (its `formats` JSON: thumbnail, small, medium, large,
 * or whatever a provider or a later Strapi adds), narrowest first, one per width, each narrower
 * than the original. A copy without a URL or a size is skipped rather than guessed.
 */
export function renditionsOf(formats: unknown, originalWidth: number | null): ImageRendition[] {
  if (!isPlainObject(formats)) return [];
  const byWidth = new Map<number, ImageRendition>();
  for (const format of Object.values(formats)) {
    if (!isPlainObject(format) || typeof format.url !== 'string' || format.url === '') continue;
    const { width, height } = format;
    if (!isSize(width) || !isSize(height)) continue;
    if (originalWidth !== null && width >= originalWidth) continue;
    if (!byWidth.has(width)) byWidth.set(width, { url: format.url, width, height });
  }
  return [...byWidth.values()].sort((a, b) => a.width - b.width);
}

export function mapImage(row: MediaRow | null | undefined): Image | null {
  if (!row?.url) return null;
  const width = isSize(row.width) ? row.width : null;
  return {
    url: row.url,
    alternativeText: row.alternativeText || null,
    width,
    height: isSize(row.height) ? row.height : null,
    renditions: renditionsOf(row.formats, width),
  };
}
