/**
 * Where a form post goes back to: the configured site (SITE_URL) only, never an address taken
 * from the request (no open redirect). The path is built here from a configured locale, and the
 * result is checked to still be on the site's origin.
 *
 * The way back to the form carries what the visitor typed, so that the form shows it again with
 * the messages. An address must stay short enough for every server on the way (Node refuses
 * request heads over 16 KB): when everything does not fit in MAX_BACK_URL characters, the longest
 * texts are left out, and `truncated=1` tells the form to say so.
 */
import { answerFieldName, submissionFormFields, type SubmissionRequest, writeFormErrors } from '../../../contract/submissions';
import type { SubmissionProblem } from './validate-submission';

const MAX_BACK_URL = 8000;

function onSite(origin: string, path: string, params: URLSearchParams): string {
  const url = new URL(path, origin);
  if (url.origin !== origin) throw new Error(`Refusing to redirect outside the site (${url.origin}).`);
  const query = params.toString();
  return query ? `${url.href}?${query}` : url.href;
}

export function thanksUrl(origin: string, locale: string, reference?: string, token?: string): string {
  const params = new URLSearchParams();
  if (reference) params.set('ref', reference);
  if (token) params.set('token', token);
  return onSite(origin, `/${encodeURIComponent(locale)}/submit/thanks/`, params);
}

export function backToFormUrl(origin: string, locale: string, typed: SubmissionRequest, problems: readonly SubmissionProblem[]): string {
  const path = `/${encodeURIComponent(locale)}/submit/`;
  const params = new URLSearchParams();
  params.set(submissionFormFields.errors, writeFormErrors(problems));
  const entries: [string, string][] = [];
  for (const name of submissionFormFields.scalars) {
    if (name === 'locale') continue;
    const value = typed[name];
    if (typeof value === 'string' && value !== '') entries.push([name, value]);
  }
  if (typed.consent) entries.push([submissionFormFields.consent, 'on']);
  for (const [key, state] of Object.entries(typed.assessment ?? {})) entries.push([key, state]);
  for (const answer of typed.answers ?? []) entries.push([answerFieldName(answer.questionKey), answer.body]);
  // Shortest first: the names, the address and the states survive; long answers go first.
  entries.sort((a, b) => a[1].length - b[1].length);
  let truncated = false;
  for (const [name, value] of entries) {
    params.append(name, value);
    if (onSite(origin, path, params).length > MAX_BACK_URL) {
      params.delete(name, value);
      truncated = true;
    }
  }
  if (truncated) params.set(submissionFormFields.truncated, '1');
  return onSite(origin, path, params);
}
