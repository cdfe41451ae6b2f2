/**
 * The draft preview (server mode only; `src/routes/preview-practice.astro`, injected by
 * astro.config.mjs): the CMS admin's Preview panel frames
 * `/preview/practices/{documentId}?locale=xx&token=…`, where the token is the CMS's signature of
 * that document, that locale and an expiry at most 10 minutes away, made with PREVIEW_SECRET
 * (the signing key both hold; never in a URL). The format and the constant-time check are the
 * plugin's contract (`strapi-plugin-good-practices/contract/preview-token`).
 */
import { PREVIEW_TOKEN_PARAM, type PreviewTokenCheck, verifyPreviewToken } from 'strapi-plugin-good-practices/contract/preview-token';

/** Whether the request's token opens this document in this locale now; never without a configured PREVIEW_SECRET. */
export function checkPreviewToken(
  url: URL,
  target: { documentId: string; locale: string },
  signingKey: string | null | undefined,
  now: number = Date.now(),
): PreviewTokenCheck {
  return verifyPreviewToken(signingKey, url.searchParams.get(PREVIEW_TOKEN_PARAM), target, now);
}

/**
 * Headers of every preview answer: never stored, never indexed, and no Referer to wherever a
 * link of the draft leads (the URL carries the token). The middleware's security headers keep a
 * route's own Referrer-Policy (lib/security.ts).
 */
export const previewHeaders: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
  'Referrer-Policy': 'no-referrer',
};

const page = (status: number, title: string, text: string) =>
  new Response(
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>\n`,
    { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...previewHeaders } },
  );

/**
 * The refusal, with nothing of the draft: 401 when the request proves nothing (no token, a forged
 * one, none configured, or an expired one — the only case worth a hint, as only the CMS could
 * have signed it), 403 when a genuine token was issued for another document or locale.
 */
export function previewRefused(check: Extract<PreviewTokenCheck, { ok: false }>): Response {
  switch (check.reason) {
    case 'expired':
      return page(401, 'Preview link expired', 'Preview links are valid for 10 minutes. Reload the page in the CMS, then open the preview again.');
    case 'other-document':
    case 'other-locale':
      return page(403, 'Forbidden', 'This preview link is for another entry or language.');
    default:
      return page(401, 'Unauthorized', 'Open the preview from the CMS.');
  }
}

/** A draft id as the CMS issues them (same rule as the CMS's preview controller). */
export const isDocumentId = (value: string | undefined): value is string => typeof value === 'string' && /^[a-z0-9]{1,64}$/i.test(value);
