/**
 * The draft preview (server mode only; `src/routes/preview-practice.astro`, injected by
 * astro.config.mjs): the CMS admin's Preview panel frames
 * `/preview/practices/{documentId}?locale=xx&secret=PREVIEW_SECRET`. The secret is compared in
 * constant time; without a configured PREVIEW_SECRET no request is ever let in.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** True only when `expected` is set and `given` equals it (constant time, whatever the lengths). */
export function previewSecretMatches(given: string | null | undefined, expected: string | null | undefined): boolean {
  const secret = expected?.trim() ?? '';
  if (secret === '' || typeof given !== 'string') return false;
  // Equal-length digests: the comparison time says nothing about the secret or its length.
  return timingSafeEqual(digest(given), digest(secret));
}

/** Headers of every preview answer: never stored, never indexed. */
export const previewHeaders: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
};

/** The plain 401 page: no detail on why (missing, wrong, or preview not configured). */
export function previewUnauthorized(): Response {
  return new Response(
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Unauthorized</title></head><body><h1>Unauthorized</h1></body></html>\n',
    { status: 401, headers: { 'Content-Type': 'text/html; charset=utf-8', ...previewHeaders } },
  );
}

/** A draft id as the CMS issues them (same rule as the CMS's preview controller). */
export const isDocumentId = (value: string | undefined): value is string => typeof value === 'string' && /^[a-z0-9]{1,64}$/i.test(value);
