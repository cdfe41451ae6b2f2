/**
 * Writes of an inspiring tool: its link must be an address visitors can open, its slug unique
 * in its language.
 */
import type { Core } from '@strapi/strapi';
import { writeLocale } from '../locales/configured-locales';
import { uids } from '../plugin-id';
import { type DocumentContext, type Next, writes, writtenData } from './document-write';
import { assertNoProblems, type FieldProblem } from './rejection';
import { checkSlug } from './slug-rules';
import { isHttpUrl } from './web-address';

export async function guardTool(strapi: Core.Strapi, context: DocumentContext, next: Next): Promise<unknown> {
  const { action, params } = context;
  if (action !== 'create' && action !== 'update' && action !== 'clone') return next();
  const data = writtenData(params);
  const locale = await writeLocale(strapi, params.locale);
  const problems: FieldProblem[] = [];
  if (writes(data, 'url') && data.url !== null && data.url !== '' && (typeof data.url !== 'string' || !isHttpUrl(data.url))) {
    problems.push({ field: 'url', message: 'The link must be a full web address starting with http:// or https://.' });
  }
  if (writes(data, 'slug')) {
    problems.push(
      ...(await checkSlug(strapi, uids.tool, { slug: data.slug, locale, documentId: action === 'update' ? params.documentId : undefined }, 'tool')),
    );
  }
  assertNoProblems('tool', problems);
  return next();
}
