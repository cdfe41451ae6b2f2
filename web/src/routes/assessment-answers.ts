/**
 * GET /{locale}/self-assessment/answers.json?<assessment fields> (server mode): the answers of a
 * report as the answers file (lib/assessment/answers-file.ts), sent as a download, so a visitor
 * keeps them without JavaScript. Made from the query alone; nothing is stored, nothing cached.
 */
import type { APIRoute } from 'astro';
import { answersFileOf } from '../lib/assessment/answers-file';
import { readAssessmentRequest } from '../lib/assessment/request';
import { frameworkKeysOf } from '../lib/assessment/scores';
import { findFramework, loadPageContext } from '../lib/data/page-context';

export const GET: APIRoute = async (context) => {
  const page = await loadPageContext(context, context.params.locale);
  if (!page) return new Response('Not found', { status: 404 });
  const framework = await findFramework(page);
  if (!framework) return new Response('Not found', { status: 404 });
  const read = await readAssessmentRequest(context, page, frameworkKeysOf(framework.data.groups));
  if (read.kind !== 'read') return new Response('Bad request', { status: 400 });
  return new Response(`${JSON.stringify(answersFileOf(read.assessment, page.locale.code), null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="self-assessment.json"',
      'Cache-Control': 'private, no-store',
    },
  });
};
