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
import { CONSENT_VALUES, REFERENCE_PATTERN, STATUS_TOKEN_PATTERN, SUBMISSION_ERROR_CODES, SUBMISSION_FIELDS, SUBMISSION_STATES, submissionFormFields } from './submission-form';

// The form encoding, status patterns and paths live in a module without zod (the static site's
// submit script bundles it); everything else imports them from here.
export { answerFieldName, readFormErrors, submissionFormFields, submissionPaths, writeFormErrors } from './submission-form';

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

export const submissionField = z.enum(SUBMISSION_FIELDS);
export type SubmissionField = z.infer<typeof submissionField>;

/** What is wrong with a field, translated by the site (labels `submit.error.<code>`). */
export const submissionErrorCode = z.enum(SUBMISSION_ERROR_CODES);
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
export const statusToken = z.string().regex(STATUS_TOKEN_PATTERN, 'not a status token');

/** A reference the visitor can quote to editors: `GP-` and two groups of four letters/digits. */
export const submissionReference = z.string().regex(REFERENCE_PATTERN, 'not a submission reference');

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
export const submissionState = z.enum(SUBMISSION_STATES);
export type SubmissionState = z.infer<typeof submissionState>;

export const submissionStatusResponse = z.object({
  data: z.object({ reference: submissionReference, locale: localeCode, state: submissionState }),
});
export type SubmissionStatusResponse = z.infer<typeof submissionStatusResponse>;

// ---------------------------------------------------------------------------------------------
// The form encoding (the site's form; the CMS's redirect back to it carries the same names)
// ---------------------------------------------------------------------------------------------

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
    consent: CONSENT_VALUES.includes(text(submissionFormFields.consent)),
  };
}
