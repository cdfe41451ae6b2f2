import type { Image } from '../../../contract';
import type { MediaRow } from './public-rows';

export function mapImage(row: MediaRow | null | undefined): Image | null {
  if (!row?.url) return null;
  return {
    url: row.url,
    alternativeText: row.alternativeText || null,
    width: Number.isInteger(row.width) ? row.width : null,
    height: Number.isInteger(row.height) ? row.height : null,
  };
}
