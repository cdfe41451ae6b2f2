/**
 * The translation gaps (domain/translation-gaps.ts) of a practice version being edited in a
 * locale other than the default: its values as the form holds them (unsaved), the default
 * locale's latest version as the source, and the published versions of the rest of the locale's
 * fallback chain (locale service) as what visitors read instead. One query.
 */
import type { Core } from '@strapi/strapi';
import { FALLBACK_TEXT_FIELDS, type TextVersion } from '../domain/text-fallback';
import { type TranslationGaps, translationGaps } from '../domain/translation-gaps';
import { uids } from '../plugin-id';
import { getService } from '../services/service-access';

type StoredVersion = TextVersion & { publishedAt: string | Date | null };

export async function practiceTranslationGaps(
  strapi: Core.Strapi,
  { documentId, locale, values }: { documentId: string | undefined; locale: string; values: Partial<TextVersion> },
): Promise<TranslationGaps | null> {
  const { defaultLocale, chain } = await getService(strapi, 'locale').resolve(locale);
  if (!documentId || locale === defaultLocale) return null;
  const rows = (await strapi.db.query(uids.practice).findMany({
    where: { documentId, locale: { $in: chain } },
    select: ['locale', 'publishedAt', ...FALLBACK_TEXT_FIELDS, 'answers'],
  })) as StoredVersion[];
  const latest = (code: string) => rows.find((row) => row.locale === code && row.publishedAt === null) ?? rows.find((row) => row.locale === code);
  const source = latest(defaultLocale);
  if (!source) return null;
  // What the form does not send is as stored (a save would not change it).
  const translation: TextVersion = { ...latest(locale), ...values, locale };
  const shownInstead = chain
    .slice(1)
    .map((code) => rows.find((row) => row.locale === code && row.publishedAt !== null))
    .filter((row): row is StoredVersion => row !== undefined);
  return translationGaps(translation, source, shownInstead);
}
