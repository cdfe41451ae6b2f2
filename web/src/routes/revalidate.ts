/**
 * POST /api/revalidate (server mode only; injected by astro.config.mjs).
 *
 * The CMS calls it after a publish/unpublish/update, signed (the plugin's contract
 * contract/revalidation-webhook.ts; accepted by src/lib/webhook.ts). The cached
 * pages showing what changed are invalidated in Astro's route cache (and the CMS answers cached
 * for renders — locales, site texts — by the same tags), so the next request re-renders them
 * from the CMS: a publish shows on the next page view.
 */
import type { APIRoute } from 'astro';
import { revalidatePayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from 'strapi-plugin-good-practices/contract/revalidation-webhook';
import { siteDataCache } from '../lib/cache/data-cache';
import { tagsForChange } from '../lib/cms/tags';
import { readLimitedBody } from '../lib/read-limited-body';
import { WebhookVerifier } from '../lib/webhook';

export const prerender = false;

/** A revalidation payload is a few hundred bytes; Strapi's own webhook shape a few KB. */
const MAX_BODY_BYTES = 64 * 1024;
let verifier: WebhookVerifier | undefined;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

export const POST: APIRoute = async ({ request, cache }) => {
  // Calls signed before this process started are refused: its replay memory starts empty.
  verifier ??= new WebhookVerifier({ secret: process.env.REVALIDATE_SECRET, notBefore: performance.timeOrigin });
  const body = await readLimitedBody(request, MAX_BODY_BYTES);
  // The rest of an over-long body is not read: the connection is closed instead.
  if (!body.ok) {
    return body.reason === 'too-large' ? json(413, { ok: false, error: 'body too large' }, { Connection: 'close' }) : json(400, { ok: false, error: 'body unreadable' });
  }
  const rawBody = body.text;

  const verdict = verifier.verify(request.headers.get(TIMESTAMP_HEADER), request.headers.get(SIGNATURE_HEADER), rawBody);
  if (!verdict.ok) return json(verdict.status, { ok: false, error: verdict.reason });

  let payload;
  try {
    payload = revalidatePayload.parse(JSON.parse(rawBody));
  } catch {
    return json(400, { ok: false, error: 'body is not a revalidation payload' });
  }
  const invalidated = tagsForChange(payload);
  // Data first: a page re-rendered as soon as the route cache lets it must not reuse old data.
  siteDataCache.invalidate(invalidated);
  await cache.invalidate({ tags: invalidated });
  return json(200, { ok: true, invalidated });
};

export const ALL: APIRoute = () => json(405, { ok: false, error: 'use POST' });
