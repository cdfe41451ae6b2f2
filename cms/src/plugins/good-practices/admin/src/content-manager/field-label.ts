/**
 * A field's plain-language label (contract/admin-fields.ts) in the admin user's language, for
 * messages that name a field outside the Content Manager's own form (translation page, XLIFF
 * import outcome, save check): editors and translators know fields by these labels, not by their
 * attribute names.
 */
import { adminPresentation, type AdminTypePresentation, typeKey } from '../../../contract/admin-fields';
import ar from '../translations/ar.json';
import cs from '../translations/cs.json';
import es from '../translations/es.json';

const translations: Record<string, Record<string, string>> = { cs, es, ar };

/** The label of `field` of the content type `uid` in `language`; undefined for a field the plugin does not describe. */
export function plainFieldLabel(uid: string | undefined, field: string, language: string): string | undefined {
  if (uid === undefined) return undefined;
  const english = (adminPresentation as Record<string, AdminTypePresentation>)[uid]?.fields[field]?.label;
  if (english === undefined) return undefined;
  const base = language.split('-')[0] ?? language;
  return translations[language]?.[`field.${typeKey(uid)}.${field}.label`] ?? translations[base]?.[`field.${typeKey(uid)}.${field}.label`] ?? english;
}
