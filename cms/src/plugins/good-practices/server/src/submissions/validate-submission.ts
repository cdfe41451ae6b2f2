/**
 * The verdict on a public submission: its shape (the contract's `submissionRequest`), the
 * submission's own requirements (required fields, lengths, consent, e-mail), then the very rules
 * of every practice write (invariants/practice-check.ts: country code, web address, slug,
 * checklist keys and states, answers), so that a submission the admin would refuse is refused
 * here first, field by field, before anything is written.
 */
import type { Core } from '@strapi/strapi';
import {
  type SubmissionErrorCode,
  type SubmissionField,
  submissionRequest,
  type SubmissionRequest,
  submissionTextLimits,
} from '../../../contract/submissions';
import { isEmailAddress } from '../invariants/email-address';
import { checkPracticeWrite } from '../invariants/practice-check';
import { listConfiguredLocales } from '../locales/configured-locales';
import { uids } from '../plugin-id';

export interface SubmissionProblem {
  field: SubmissionField;
  code: SubmissionErrorCode;
  message: string;
}

export interface CleanSubmission {
  locale: string;
  title: string;
  organisation: string;
  country: string | null;
  website: string | null;
  summary: string;
  answers: { questionKey: string; body: string }[];
  assessment: Record<string, string>;
  contactName: string;
  contactEmail: string;
}

export type SubmissionVerdict = { ok: true; submission: CleanSubmission } | { ok: false; problems: SubmissionProblem[] };

const REQUIRED_TEXTS = ['title', 'organisation', 'summary', 'contactName', 'contactEmail'] as const;

function shapeProblems(input: unknown): SubmissionProblem[] {
  const parsed = submissionRequest.safeParse(input);
  if (parsed.success) return [];
  const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'form')));
  return [...fields].map((field) => {
    const known = (submissionRequest.keyof().options as readonly string[]).includes(field);
    return {
      field: (known ? field : 'form') as SubmissionField,
      code: 'malformed' as const,
      message: known ? `“${field}” does not have the expected type (see the API contract).` : 'The submission does not have the expected shape.',
    };
  });
}

export async function validateSubmission(strapi: Core.Strapi, input: unknown): Promise<SubmissionVerdict> {
  const shape = shapeProblems(input);
  if (shape.length > 0) return { ok: false, problems: shape };
  const request = submissionRequest.parse(input) as SubmissionRequest;
  const problems: SubmissionProblem[] = [];
  const text = (value: string | undefined) => (value ?? '').trim();

  const locales = await listConfiguredLocales(strapi);
  if (!locales.some((locale) => locale.code === request.locale)) {
    problems.push({ field: 'locale', code: 'invalid', message: `“${request.locale}” is not a language of this database.` });
  }
  const titleLimit = (strapi.contentType(uids.practice).attributes.title as { maxLength?: number }).maxLength ?? submissionTextLimits.title;
  const limits: Record<(typeof REQUIRED_TEXTS)[number] | 'website', number> = { ...submissionTextLimits, title: titleLimit };
  for (const field of REQUIRED_TEXTS) {
    const value = text(request[field]);
    if (value === '') problems.push({ field, code: 'required', message: `${field} is required.` });
    else if (value.length > limits[field]) problems.push({ field, code: 'too-long', message: `${field} may have at most ${limits[field]} characters.` });
  }
  const email = text(request.contactEmail);
  if (email !== '' && email.length <= limits.contactEmail && !isEmailAddress(email)) {
    problems.push({ field: 'contactEmail', code: 'invalid', message: 'The e-mail address is not one we can write to.' });
  }
  if (request.consent !== true) {
    problems.push({ field: 'consent', code: 'consent', message: 'We can only keep a submission whose sender agrees to the processing of the data it contains.' });
  }
  const website = text(request.website);
  if (website.length > limits.website) problems.push({ field: 'website', code: 'too-long', message: `website may have at most ${limits.website} characters.` });

  const answers = (request.answers ?? []).filter((answer) => answer.body.trim() !== '').map((answer) => ({ questionKey: answer.questionKey, body: answer.body.trim() }));
  const assessment = request.assessment ?? {};
  const country = text(request.country);
  // The practice rules, exactly as on any practice write (a new practice, no slug yet: the
  // service makes one that is free).
  const verdict = await checkPracticeWrite(strapi, {
    action: 'create',
    locale: problems.some((problem) => problem.field === 'locale') ? undefined : request.locale,
    data: {
      ...(country !== '' ? { country } : {}),
      ...(website !== '' ? { website } : {}),
      assessment,
      answers: answers.map((answer) => ({ ...answer, tools: [] })),
    },
  });
  for (const problem of verdict.problems) {
    const field = (['country', 'website', 'answers', 'assessment'] as const).find((name) => name === problem.field) ?? 'form';
    if (problems.some((existing) => existing.field === field)) continue;
    problems.push({ field, code: 'invalid', message: problem.message });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    submission: {
      locale: request.locale,
      title: text(request.title),
      organisation: text(request.organisation),
      country: country === '' ? null : country,
      website: website === '' ? null : website,
      summary: text(request.summary),
      answers,
      assessment,
      contactName: text(request.contactName),
      contactEmail: email,
    },
  };
}
