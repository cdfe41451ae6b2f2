/**
 * The part of the practice form that the server's practice rules read (and the texts a
 * translation is compared on) (see
 * server/src/invariants/practice-check.ts), in the form the check endpoint takes. Everything else
 * in the form (relations, long texts) is left out: it cannot make a save be refused by the
 * plugin, and sending it on every keystroke would only cost bandwidth. The cover image is sent as
 * its file id only (the server reads the file's alternative text itself).
 */
export const CHECKED_FIELDS = [
  'title',
  'slug',
  'country',
  'website',
  'projectStart',
  'projectEnd',
  'validationStatus',
  'validationDate',
  'assessment',
  'answers',
  'coverImage',
] as const;

export type CheckedField = (typeof CHECKED_FIELDS)[number];

/**
 * The texts a translation may lack: sent too, so that the server can say (on the values being
 * edited, not the stored ones) what visitors of this locale will read in another language.
 */
export const TRANSLATED_TEXT_FIELDS = ['summary', 'organisation', 'contactDetails', 'funding', 'objectives', 'inspiration'] as const;

export type TranslatedTextField = (typeof TRANSLATED_TEXT_FIELDS)[number];

const SENT_FIELDS = [...CHECKED_FIELDS, ...TRANSLATED_TEXT_FIELDS];

/** A media value as the form holds it (the file object, or a list of them) reduced to `{ id }`. */
function fileIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fileIds);
  if (value && typeof value === 'object' && 'id' in value) return { id: (value as { id: unknown }).id };
  return value;
}

/** `undefined` values are "not written" on the server, as in a real save; null stays null. */
export function checkedValues(formValues: Record<string, unknown>): Partial<Record<CheckedField | TranslatedTextField, unknown>> {
  const picked: Partial<Record<CheckedField | TranslatedTextField, unknown>> = {};
  for (const field of SENT_FIELDS) {
    if (formValues[field] !== undefined) picked[field] = field === 'coverImage' ? fileIds(formValues[field]) : formValues[field];
  }
  return picked;
}

/** A stable text of the checked values, to ask again only when one of them changed. */
export function checkedValuesKey(formValues: Record<string, unknown>): string {
  const values = checkedValues(formValues) as Record<string, unknown>;
  return JSON.stringify(SENT_FIELDS.map((field) => values[field] ?? null));
}
