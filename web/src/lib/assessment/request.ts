/**
 * What a visitor sends to the self-assessment pages (server mode), read with bounds. These pages
 * are the visitor's own answers: never stored in the route cache (each read first keeps the
 * render out of it), and nothing is kept on the server.
 */
import type { PageContext } from '../data/page-context';
import { readLimitedBody } from '../read-limited-body';
import { MAX_ANSWERS_FILE_BYTES, readAnswersFile, type ReadAnswersFile } from './answers-file';
import { type FrameworkKeys, readAssessmentFields, type ReadAssessment } from './fields';

/** A form-encoded assessment: every item field and every note at its longest, with room to spare. */
export const MAX_ASSESSMENT_BODY_BYTES = 256 * 1024;
/** A multipart upload: the answers file and the envelope around it. */
export const MAX_UPLOAD_BODY_BYTES = MAX_ANSWERS_FILE_BYTES + 8 * 1024;
/** The field of the upload form that carries the file. */
export const ANSWERS_FILE_FIELD = 'answers';

interface AssessmentRequestContext {
  request: Request;
  url: URL;
}

export type AssessmentRequest = ({ kind: 'read' } & ReadAssessment) | { kind: 'too-large' } | { kind: 'unreadable' };

/**
 * The assessment of a GET (the query) or a POST (form-encoded body). Keeps the page out of the
 * route cache first: the query is the visitor's.
 */
export async function readAssessmentRequest(context: AssessmentRequestContext, page: PageContext, keys: FrameworkKeys): Promise<AssessmentRequest> {
  page.uncached();
  if (context.request.method !== 'POST') return { kind: 'read', ...readAssessmentFields(context.url.searchParams, keys) };
  const body = await readLimitedBody(context.request, MAX_ASSESSMENT_BODY_BYTES);
  if (!body.ok) return { kind: body.reason };
  return { kind: 'read', ...readAssessmentFields(new URLSearchParams(body.text), keys) };
}

/** The answers file of a multipart POST to the form page, checked (answers-file.ts). */
export async function readUploadRequest(context: AssessmentRequestContext, page: PageContext, keys: FrameworkKeys): Promise<ReadAnswersFile> {
  page.uncached();
  const type = context.request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) return { ok: false, problem: 'missing' };
  const body = await readLimitedBody(context.request, MAX_UPLOAD_BODY_BYTES);
  if (!body.ok) return { ok: false, problem: 'too-large' };
  let file: FormDataEntryValue | null;
  try {
    file = (await new Response(body.text, { headers: { 'content-type': type } }).formData()).get(ANSWERS_FILE_FIELD);
  } catch {
    return { ok: false, problem: 'not-answers' };
  }
  if (file === null || typeof file === 'string' || file.size === 0) return { ok: false, problem: 'missing' };
  if (file.size > MAX_ANSWERS_FILE_BYTES) return { ok: false, problem: 'too-large' };
  return readAnswersFile(await file.text(), keys);
}
