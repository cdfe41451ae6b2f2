/**
 * What the submit pages read from their address, on request only (server mode; in a static build
 * their script reads the same address in the browser, lib/submit/client/main.ts): the pre-filled assessment of a self-assessment report's "propose this practice"
 * link (`?<itemKey>=met|not-met|not-assessed&…`), and what the CMS sends back with a refused form
 * (`errors`, the fields typed, `truncated`), in the contract's form encoding. The pages that call
 * it keep themselves out of the route cache (`page.uncached()`): the key of every other page
 * ignores the query (src/lib/cache/cache-key.ts).
 */
import { readFormErrors, readSubmissionForm, statusToken, submissionFormFields, submissionReference, type SubmissionErrorCode, type SubmissionField, type SubmissionRequest } from 'strapi-plugin-good-practices/contract/submissions';

export interface SubmitFormState {
  values: SubmissionRequest;
  errors: { field: SubmissionField; code: SubmissionErrorCode }[];
  truncated: boolean;
}

export function submitFormState(url: URL, mode: 'server' | 'static'): SubmitFormState {
  const query = mode === 'server' ? url.searchParams : new URLSearchParams();
  const values = readSubmissionForm(query);
  return {
    values,
    errors: readFormErrors(query.get(submissionFormFields.errors)),
    truncated: query.get(submissionFormFields.truncated) === '1',
  };
}

/** The thanks page's reference and status token, as the CMS's redirect gives them. */
export function thanksQuery(url: URL, mode: 'server' | 'static'): { reference: string | null; token: string | null } {
  if (mode !== 'server') return { reference: null, token: null };
  const reference = url.searchParams.get('ref');
  const token = url.searchParams.get('token');
  return {
    reference: submissionReference.safeParse(reference).success ? reference : null,
    token: statusToken.safeParse(token).success ? token : null,
  };
}
