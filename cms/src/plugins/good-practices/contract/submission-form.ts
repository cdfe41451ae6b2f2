/**
 * The parts of the submissions contract (./submissions.ts) that a browser needs, without zod: the
 * form's field names, the redirect's `errors` encoding, the shapes of a reference and a status
 * token, the status values and the API paths. The static site's submit script (web/src/lib/submit/
 * client/main.ts) bundles this module, where zod would weigh more than the script itself;
 * ./submissions.ts builds its schemas from the same constants, so the two cannot drift apart.
 */

export const submissionPaths = {
  submit: '/api/good-practices/submissions',
  status: (token: string) => `/api/good-practices/submissions/status/${encodeURIComponent(token)}`,
} as const;

/** The fields an error can name; `form` is the form as a whole (sent too quickly, malformed body). */
export const SUBMISSION_FIELDS = ['locale', 'title', 'organisation', 'country', 'website', 'summary', 'answers', 'assessment', 'contactName', 'contactEmail', 'consent', 'form'] as const;

/** What is wrong with a field, translated by the site (labels `submit.error.<code>`). */
export const SUBMISSION_ERROR_CODES = ['required', 'too-long', 'invalid', 'consent', 'too-fast', 'malformed'] as const;

/** All a status page tells. */
export const SUBMISSION_STATES = ['submitted', 'in-review', 'validated', 'published'] as const;

/** The private token of a submission's status page (32 random bytes, base64url). */
export const STATUS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A reference the visitor can quote to editors: `GP-` and two groups of four letters/digits. */
export const REFERENCE_PATTERN = /^GP-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

export const submissionFormFields = {
  scalars: ['locale', 'title', 'organisation', 'country', 'website', 'summary', 'contactName', 'contactEmail'] as const,
  consent: 'consent',
  /** Left empty by people (hidden from them); bots fill every input. */
  honeypot: 'fax_number',
  /** When the form was shown (ms since the epoch): a post sooner than the minimum fill time is refused. */
  startedAt: 'started_at',
  /** An answer: `answer:<questionKey>`. A checklist item's state: the item's key itself (as the self-assessment links). */
  answerPrefix: 'answer:',
  /** On the redirect back: `field:code;field:code`. */
  errors: 'errors',
  /** On the redirect back: 1 when long texts had to be left out of the address. */
  truncated: 'truncated',
} as const;

/** Values of the consent checkbox that mean yes (a browser sends `on`). */
export const CONSENT_VALUES: readonly string[] = ['on', 'true', '1', 'yes'];

export const answerFieldName = (questionKey: string): string => `${submissionFormFields.answerPrefix}${questionKey}`;

export type FormError = { field: (typeof SUBMISSION_FIELDS)[number]; code: (typeof SUBMISSION_ERROR_CODES)[number] };

export function writeFormErrors(errors: readonly FormError[]): string {
  return errors.map((error) => `${error.field}:${error.code}`).join(';');
}

/** The `errors` parameter of the redirect back: `field:code;…`, unknown entries skipped. */
export function readFormErrors(value: string | null): FormError[] {
  if (!value) return [];
  return value.split(';').flatMap((entry) => {
    const [field, code] = entry.split(':');
    const knownField = (SUBMISSION_FIELDS as readonly string[]).includes(field ?? '');
    const knownCode = (SUBMISSION_ERROR_CODES as readonly string[]).includes(code ?? '');
    return knownField && knownCode ? [{ field, code } as FormError] : [];
  });
}
