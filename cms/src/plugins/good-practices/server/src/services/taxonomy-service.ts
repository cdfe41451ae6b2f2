/**
 * Integration areas and target groups of a locale. Like the framework, the list of terms is the
 * one of the language they are seeded in (see structureLocale) and names not translated yet fall
 * back to it, so the site's filters always offer every term.
 */
import type { Core } from '@strapi/strapi';
import type { TaxonomyTerm } from '../../../contract';
import { type TermRow, termFields } from '../mappers/public-rows';
import { mapTerm } from '../mappers/taxonomy';
import { uids } from '../plugin-id';
import { STARTER_TERMS_LOCALE } from '../seed/starter-terms';
import { type LocaleContext, structureLocale } from './locale-service';
import { publishedDocuments } from '../read-model/published-documents';

type TaxonomyUid = typeof uids.integrationArea | typeof uids.targetGroup;

export function createTaxonomyService({ strapi }: { strapi: Core.Strapi }) {
  async function terms(uid: TaxonomyUid, context: LocaleContext): Promise<TaxonomyTerm[]> {
    const { locale } = context;
    const source = structureLocale(context, STARTER_TERMS_LOCALE);
    const documents = publishedDocuments(strapi, uid);
    const [base, translated] = await Promise.all([
      documents.findMany<TermRow>({ locale: source, fields: termFields }),
      locale === source ? Promise.resolve(null) : documents.findMany<TermRow>({ locale, fields: termFields }),
    ]);
    const names = new Map((translated ?? []).filter((row) => row.name).map((row) => [row.key, row.name]));
    const keys = new Set(base.map((row) => row.key));
    // Terms created only in this locale are listed too.
    const rows = [...base, ...(translated ?? []).filter((row) => !keys.has(row.key))];
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    return rows
      .filter((row) => Boolean(row.key))
      .map((row) => mapTerm({ key: row.key, name: names.get(row.key) ?? row.name }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }

  return {
    integrationAreas: (context: LocaleContext) => terms(uids.integrationArea, context),
    targetGroups: (context: LocaleContext) => terms(uids.targetGroup, context),
  };
}

export type TaxonomyService = ReturnType<typeof createTaxonomyService>;
