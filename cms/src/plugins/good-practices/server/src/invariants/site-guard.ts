/**
 * Writes of the site texts: the privacy policy link must open (absolute http(s) or a path of
 * the site), the data licence link must be a web address, and labels must map UI label keys to strings, as the site reads them.
 */
import type { Core } from '@strapi/strapi';
import { isPlainObject } from '../domain/json-values';
import { type DocumentContext, type Next, writes, writtenData } from './document-write';
import { assertNoProblems, type FieldProblem } from './rejection';
import { isHttpUrl } from './web-address';

export async function guardSite(_strapi: Core.Strapi, context: DocumentContext, next: Next): Promise<unknown> {
  const { action, params } = context;
  if (action !== 'create' && action !== 'update') return next();
  const data = writtenData(params);
  const problems: FieldProblem[] = [];
  const link = data.privacyPolicyUrl;
  if (writes(data, 'privacyPolicyUrl') && link !== null && link !== '') {
    if (typeof link !== 'string' || !(isHttpUrl(link) || /^\/(?!\/)\S*$/.test(link))) {
      problems.push({ field: 'privacyPolicyUrl', message: 'The privacy policy link must start with http://, https:// or / (a page of this site).' });
    }
  }
  const licenceUrl = data.dataLicenceUrl;
  if (writes(data, 'dataLicenceUrl') && licenceUrl !== null && licenceUrl !== '') {
    if (typeof licenceUrl !== 'string' || !isHttpUrl(licenceUrl)) {
      problems.push({ field: 'dataLicenceUrl', message: 'The data licence link must be a web address starting with http:// or https://.' });
    }
  }
  const labels = data.labels;
  if (writes(data, 'labels') && labels !== null) {
    if (!isPlainObject(labels) || Object.values(labels).some((label) => typeof label !== 'string')) {
      problems.push({ field: 'labels', message: 'The labels must map each interface label key to a text, e.g. { "search.placeholder": "Search practices" }.' });
    }
  }
  assertNoProblems('site', problems);
  return next();
}
