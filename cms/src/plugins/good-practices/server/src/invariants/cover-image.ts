/**
 * A practice's cover image must carry a description (the upload's alternative text): the site
 * shows the image on cards and on the practice page, and a visitor who cannot see it hears that
 * description instead. The text lives on the file in the media library, so the rule is checked
 * against the stored file whenever a write sets the cover image (every save of the edit view
 * sends it, REST and import only when they set it).
 */
import type { Core } from '@strapi/strapi';
import { isPlainObject } from '../domain/json-values';
import type { FieldProblem } from './rejection';

/** The file ids a written media value names: an id, `{ id }`, a file object, or connect/set lists. */
export function coverImageIds(value: unknown): number[] {
  const idOf = (item: unknown): number | undefined => {
    if (typeof item === 'number' && Number.isInteger(item)) return item;
    if (typeof item === 'string' && /^\d+$/.test(item)) return Number(item);
    if (isPlainObject(item)) return idOf(item.id);
    return undefined;
  };
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.map(idOf).filter((id): id is number => id !== undefined);
  if (isPlainObject(value) && !('id' in value)) {
    const named = [value.set, value.connect].find((list) => list !== undefined);
    return named === undefined ? [] : coverImageIds(named);
  }
  const id = idOf(value);
  return id === undefined ? [] : [id];
}

export async function checkCoverImage(strapi: Core.Strapi, value: unknown): Promise<FieldProblem[]> {
  const ids = coverImageIds(value);
  if (ids.length === 0) return [];
  const files = (await strapi.db.query('plugin::upload.file').findMany({
    where: { id: { $in: ids } },
    select: ['id', 'name', 'alternativeText', 'mime'],
  })) as { id: number; name: string; alternativeText: string | null; mime: string | null }[];
  const problems: FieldProblem[] = [];
  for (const id of ids) {
    const file = files.find((candidate) => candidate.id === id);
    if (!file) {
      problems.push({ field: 'coverImage', message: 'The cover image is no longer in the media library: choose it again or pick another one.' });
    } else if (!file.mime?.startsWith('image/')) {
      problems.push({ field: 'coverImage', message: `“${file.name}” is not an image: the cover must be a picture (JPEG, PNG, WebP…).` });
    } else if (!file.alternativeText?.trim()) {
      problems.push({
        field: 'coverImage',
        message: `The cover image “${file.name}” has no description. Open it in the media library and write in “Alternative text” what the picture shows: visitors who cannot see it hear that text.`,
      });
    }
  }
  return problems;
}
