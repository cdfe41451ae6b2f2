/**
 * POST /api/revalidate (server mode only; injected by astro.config.mjs).
 *
 * The CMS calls it after a publish/unpublish/update, signed (the plugin's contract
 * contract/revalidation-webhook.ts; accepted by src/lib/revalidation/webhook.ts). The cached
 * pages showing what changed are invalidated in Astro's route cache (and the CMS answers cached
 * for renders — locales, site texts — by the same tags), so the next request re-renders them
 * from the CMS: a publish shows on the next page view.
 *
 * With several instances (`REDIS_URL`), the call is accepted once across all of them (shared
 * replay memory) and its invalidation reaches them all (src/lib/revalidation/invalidate.ts:
 * shared route store, Redis bus, then the CDN purge, sent by this instance only).
 */
import type { APIRoute } from 'astro';
import { revalidatePayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from 'strapi-plugin-good-practices/contract/revalidation-webhook';
import { sharedReplayMemory } from '../lib/cache/redis/site-redis';
import { invalidateEverywhere } from '../lib/revalidation/invalidate';
import { tagsForChange } from '../lib/revalidation/tags-for-change';
import { readLimitedBody } from '../lib/read-limited-body';
import { WebhookVerifier } from '../lib/revalidation/webhook';

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
  verifier ??= new WebhookVerifier({ secret: process.env.REVALIDATE_SECRET, notBefore: performance.timeOrigin, shared: sharedReplayMemory() });
  const body = await readLimitedBody(request, MAX_BODY_BYTES);
  // The rest of an over-long body is not read: the connection is closed instead.
  if (!body.ok) {
    return body.reason === 'too-large' ? json(413, { ok: false, error: 'body too large' }, { Connection: 'close' }) : json(400, { ok: false, error: 'body unreadable' });
  }
  const rawBody = body.text;

  const verdict = await verifier.verifyOnce(request.headers.get(TIMESTAMP_HEADER), request.headers.get(SIGNATURE_HEADER), rawBody);
  if (!verdict.ok) return json(verdict.status, { ok: false, error: verdict.reason });

  let payload;
  try {
    payload = revalidatePayload.parse(JSON.parse(rawBody));
  } catch {
    return json(400, { ok: false, error: 'body is not a revalidation payload' });
  }
  const invalidated = tagsForChange(payload);
  await invalidateEverywhere(invalidated, (tags) => cache.invalidate({ tags }));
  return json(200, { ok: true, invalidated });
};

export const ALL: APIRoute = () => json(405, { ok: false, error: 'use POST' });
