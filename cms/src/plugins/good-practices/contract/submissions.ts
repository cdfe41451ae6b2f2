/**
 * The public "propose a practice" API: what the site's form (and anyone else) may send to
 * `POST /api/good-practices/submissions`, what comes back, and the private status lookup
 * `GET /api/good-practices/submissions/status/{token}`. Read by the plugin's controller and by the
 * site's submit pages, so the form's field names, the error codes the site translates and the
 * status values are written once.
 *
 * Two encodings of the same fields:
 * - JSON (`application/json`): `submissionRequest` below; answers 201 `submissionCreatedResponse`
 *   or 400 `submissionErrorResponse` (one entry per field, with a code the site translates);
 * - a form (`application/x-www-form-urlencoded`, the site's form without JavaScript): the field
 *   names of `submissionFormFields`; answers 303 to the site: `/{locale}/submit/thanks/?ref=…&token=…`
 *   on success, back to `/{locale}/submit/?errors=…` with what the visitor typed otherwise.
 *
 * Over SUBMISSION_MAX_BODY_BYTES: 413; more than the configured posts per client and window: 429.
 */
import { z } from 'zod';
import { checklistState, type ChecklistState, frameworkKey, localeCode } from './index';

export const submissionPaths = {
  submit: '/api/good-practices/submissions',
  status: (token: string) => `/api/good-practices/submissions/status/${encodeURIComponent(token)}`,
} as const;

/** Largest body accepted, JSON or form (413 beyond, decided before parsing). */
export const SUBMISSION_MAX_BODY_BYTES = 256 * 1024;

/** Longest accepted value per text field; title and website follow the practice schema's limits. */
export const submissionTextLimits = {
  title: 300,
  organisation: 300,
  summary: 5000,
  website: 2048,
  contactName: 200,
  contactEmail: 254,
} as const;

/**
 * The request. Deliberately loose (strings, lists, a record): every rule beyond the shape is the
 * plugin's invariants', applied by the submission service, so that the visitor gets one message
 * per field rather than a zod dump.
 */
export const submissionRequest = z.object({
  locale: z.string(),
  title: z.string(),
  organisation: z.string(),
  country: z.string().optional(),
  website: z.string().optional(),
  summary: z.string(),
  answers: z.array(z.object({ questionKey: z.string(), body: z.string() })).optional(),
  assessment: z.record(z.string(), z.string()).optional(),
  contactName: z.string(),
  contactEmail: z.string(),
  consent: z.boolean(),
});
export type SubmissionRequest = z.infer<typeof submissionRequest>;

export const submissionField = z.enum([
  'locale',
  'title',
  'organisation',
  'country',
  'website',
  'summary',
  'answers',
  'assessment',
  'contactName',
  'contactEmail',
  'consent',
  /** The form as a whole (sent too quickly, malformed body). */
  'form',
]);
export type SubmissionField = z.infer<typeof submissionField>;

/** What is wrong with a field, translated by the site (labels `submit.error.<code>`). */
export const submissionErrorCode = z.enum(['required', 'too-long', 'invalid', 'consent', 'too-fast', 'malformed']);
export type SubmissionErrorCode = z.infer<typeof submissionErrorCode>;

export const submissionFieldError = z.object({
  /** Strapi's ValidationError shape: `path[0]` is the field. */
  path: z.tuple([submissionField]),
  code: submissionErrorCode,
  /** The rule's own explanation, in English (the site shows its translated label instead). */
  message: z.string(),
  name: z.literal('ValidationError'),
});
export type SubmissionFieldError = z.infer<typeof submissionFieldError>;

export const submissionErrorResponse = z.object({
  data: z.null(),
  error: z.object({
    status: z.literal(400),
    name: z.literal('ValidationError'),
    message: z.string(),
    details: z.object({ errors: z.array(submissionFieldError).min(1) }),
  }),
});
export type SubmissionErrorResponse = z.infer<typeof submissionErrorResponse>;

/** The private token of a submission's status page (32 random bytes, base64url). */
export const statusToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a status token');

/** A reference the visitor can quote to editors: `GP-` and two groups of four letters/digits. */
export const submissionReference = z.string().regex(/^GP-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'not a submission reference');

export const submissionCreatedResponse = z.object({
  data: z.object({
    reference: submissionReference,
    statusToken,
    locale: localeCode,
    /** The site's status page of this submission, relative to the site's origin. */
    statusPath: z.string(),
  }),
});
export type SubmissionCreatedResponse = z.infer<typeof submissionCreatedResponse>;

/** All a status page tells: nothing of the content, nothing of the contact. */
export const submissionState = z.enum(['submitted', 'in-review', 'validated', 'published']);
export type SubmissionState = z.infer<typeof submissionState>;

export const submissionStatusResponse = z.object({
  data: z.object({ reference: submissionReference, locale: localeCode, state: submissionState }),
});
export type SubmissionStatusResponse = z.infer<typeof submissionStatusResponse>;

// ---------------------------------------------------------------------------------------------
// The form encoding (the site's form; the CMS's redirect back to it carries the same names)
// ---------------------------------------------------------------------------------------------

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

export const answerFieldName = (questionKey: string): string => `${submissionFormFields.answerPrefix}${questionKey}`;

const FRAMEWORK_KEY = frameworkKey;

/**
 * Reads the form encoding (or the redirect's query) into the request shape: known scalar fields,
 * `answer:<key>` fields, and every other field named like a framework key with a checklist state
 * as its value (the last one wins). Unknown names are ignored; empty answers and "not assessed"
 * are dropped (absent means the same).
 */
export function readSubmissionForm(params: URLSearchParams): SubmissionRequest {
  const text = (name: string): string => params.get(name) ?? '';
  const answers: { questionKey: string; body: string }[] = [];
  const assessment: Record<string, ChecklistState> = {};
  const scalars = new Set<string>([...submissionFormFields.scalars, submissionFormFields.consent, submissionFormFields.honeypot]);
  for (const [name, value] of params) {
    if (name.startsWith(submissionFormFields.answerPrefix)) {
      const questionKey = name.slice(submissionFormFields.answerPrefix.length);
      const existing = answers.find((answer) => answer.questionKey === questionKey);
      if (existing) existing.body = value;
      else answers.push({ questionKey, body: value });
    } else if (!scalars.has(name) && FRAMEWORK_KEY.safeParse(name).success) {
      const state = checklistState.safeParse(value);
      if (state.success) assessment[name] = state.data;
    }
  }
  const written = answers.filter((answer) => answer.body.trim() !== '');
  const assessed = Object.fromEntries(Object.entries(assessment).filter(([, state]) => state !== 'not-assessed'));
  return {
    locale: text('locale'),
    title: text('title'),
    organisation: text('organisation'),
    country: text('country'),
    website: text('website'),
    summary: text('summary'),
    answers: written,
    assessment: assessed,
    contactName: text('contactName'),
    contactEmail: text('contactEmail'),
    consent: ['on', 'true', '1', 'yes'].includes(text(submissionFormFields.consent)),
  };
}

/** The `errors` parameter of the redirect back: `field:code;…`, unknown entries skipped. */
export function readFormErrors(value: string | null): { field: SubmissionField; code: SubmissionErrorCode }[] {
  if (!value) return [];
  return value.split(';').flatMap((entry) => {
    const [field, code] = entry.split(':');
    const parsedField = submissionField.safeParse(field);
    const parsedCode = submissionErrorCode.safeParse(code);
    return parsedField.success && parsedCode.success ? [{ field: parsedField.data, code: parsedCode.data }] : [];
  });
}

export function writeFormErrors(errors: readonly { field: SubmissionField; code: SubmissionErrorCode }[]): string {
  return errors.map((error) => `${error.field}:${error.code}`).join(';');
}
