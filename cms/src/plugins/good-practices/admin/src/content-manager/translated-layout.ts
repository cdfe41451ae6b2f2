/**
 * The Content Manager shows a field's stored label and help text verbatim, in whatever language
 * they were written (English: the server writes contract/admin-fields.ts at boot). These hooks
 * put them in the admin user's interface language, from this plugin's translations, and show the
 * practice form's groups as separate panels:
 *
 * - a label or help text is translated only while it is still the plugin's English text: one an
 *   administrator wrote by hand in "Configure the view" is theirs and shown as written;
 * - languages without a translation keep the English text.
 */
import { adminPresentation, type AdminTypePresentation, typeKey } from '../../../contract/admin-fields';
import ar from '../translations/ar.json';
import cs from '../translations/cs.json';
import es from '../translations/es.json';

const translations: Record<string, Record<string, string>> = { cs, es, ar };

/** The admin's interface language: Strapi sets it on <html lang> (and in localStorage). */
function adminLanguage(): string {
  if (typeof document !== 'undefined' && document.documentElement.lang) return document.documentElement.lang;
  return 'en';
}

/** The plugin content type whose Content Manager page is open, from the address. */
function openContentType(): { uid: string; presentation: AdminTypePresentation } | undefined {
  if (typeof window === 'undefined') return undefined;
  const match = /\/content-manager\/(?:collection-types|single-types)\/([^/?#]+)/.exec(window.location.pathname);
  const uid = match ? decodeURIComponent(match[1] ?? '') : '';
  const presentation = (adminPresentation as Record<string, AdminTypePresentation>)[uid];
  return presentation ? { uid, presentation } : undefined;
}

/** `text` in `language` when it is still the plugin's English `english`, else `text` itself. */
export function translatedText(text: string | undefined, english: string | undefined, key: string, language: string): string | undefined {
  if (text === undefined || english === undefined || text !== english) return text;
  return translations[language]?.[key] ?? text;
}

interface EditField {
  name: string;
  label: string;
  hint?: string;
  [other: string]: unknown;
}

type Panels = EditField[][][];

/** Rows regrouped into one panel per group of the presentation, in the order they come. */
export function groupedPanels(panels: Panels, presentation: AdminTypePresentation): Panels {
  if (presentation.groups.length < 2) return panels;
  const groupOf = new Map(presentation.groups.flatMap((group) => group.rows.flat().map((field) => [field.name, group.id] as const)));
  const result: Panels = [];
  let currentGroup: string | undefined;
  for (const panel of panels) {
    for (const row of panel) {
      const group = groupOf.get(row[0]?.name ?? '');
      if (result.length === 0 || (group !== undefined && group !== currentGroup)) {
        result.push([]);
        currentGroup = group ?? currentGroup;
      }
      result[result.length - 1]?.push(row);
    }
  }
  return result;
}

export function translateField(field: EditField, uid: string, presentation: AdminTypePresentation, language: string): EditField {
  const english = presentation.fields[field.name];
  if (!english) return field;
  const prefix = `field.${typeKey(uid)}.${field.name}`;
  return {
    ...field,
    label: translatedText(field.label, english.label, `${prefix}.label`, language) ?? field.label,
    hint: translatedText(field.hint, english.description, `${prefix}.description`, language),
  };
}

interface EditLayoutArgs {
  layout: { layout: Panels } & Record<string, unknown>;
  query: unknown;
}

/** `Admin/CM/pages/EditView/mutate-edit-view-layout` */
export function mutateEditViewLayout(args: EditLayoutArgs): EditLayoutArgs {
  const open = openContentType();
  if (!open) return args;
  const language = adminLanguage();
  const panels = args.layout.layout.map((panel) => panel.map((row) => row.map((field) => translateField(field, open.uid, open.presentation, language))));
  return { ...args, layout: { ...args.layout, layout: groupedPanels(panels, open.presentation) } };
}

interface ListHeader {
  name: string;
  label: string;
  [other: string]: unknown;
}

/** `Admin/CM/pages/ListView/inject-column-in-table`: the list's column headings too. */
export function translateListHeaders<Args extends { displayedHeaders: ListHeader[] }>(args: Args): Args {
  const open = openContentType();
  if (!open) return args;
  const language = adminLanguage();
  const displayedHeaders = args.displayedHeaders.map((header) => {
    const english = open.presentation.fields[header.name];
    if (!english || typeof header.label !== 'string') return header;
    return { ...header, label: translatedText(header.label, english.label, `field.${typeKey(open.uid)}.${header.name}.label`, language) ?? header.label };
  });
  return { ...args, displayedHeaders };
}
