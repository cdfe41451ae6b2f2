/**
 * The draft preview's token, shared by the CMS (which issues it, in the URL of the admin's
 * Preview panel) and the site (which checks it before showing a draft). PREVIEW_SECRET is the
 * signing key both hold; it never appears in a URL.
 *
 *   GET {SITE_URL}/preview/practices/{documentId}?locale={locale}&token={token}
 *
 * token = "v1." + base64url(JSON claims) + "." + base64url(HMAC-SHA256(key, "gp-preview.v1." + claims part))
 * claims = { doc: documentId, loc: locale, iat: issued (Unix s), exp: expiry (Unix s), nonce }
 *
 * A token opens one document in one locale for at most PREVIEW_TOKEN_LIFETIME_SECONDS; the CMS
 * issues a fresh one each time the admin panel asks for the preview URL, and only to an admin who
 * may read that draft. The signature is compared in constant time.
 *
 * A file of its own (not in index.ts): it needs node:crypto, which the admin panel's browser
 * bundle, importing the contract's types, must not pull in. Imported as
 * `strapi-plugin-good-practices/contract/preview-token` by the site.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PREVIEW_TOKEN_LIFETIME_SECONDS } from './preview-lifetime';

export { PREVIEW_TOKEN_LIFETIME_SECONDS };
/** The query parameter of the preview URL that carries the token. */
export const PREVIEW_TOKEN_PARAM = 'token';
/** How far the site's clock may be behind the CMS's (a token "issued in the future" by more is refused). */
const CLOCK_SKEW_SECONDS = 60;
/** Longer answers are not tokens: refused before any work. */
const MAX_TOKEN_LENGTH = 1024;
const VERSION = 'v1';
const SIGNING_CONTEXT = 'gp-preview.v1.';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const claimsSchema = z
  .object({
    doc: z.string().regex(/^[a-z0-9]{1,64}$/i),
    loc: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
    iat: z.number().int().nonnegative(),
    exp: z.number().int().positive(),
    nonce: z.string().regex(BASE64URL).max(64),
  })
  .strict();
export type PreviewClaims = z.infer<typeof claimsSchema>;

export type PreviewTokenRefusal = 'no-key' | 'malformed' | 'forged' | 'expired' | 'other-document' | 'other-locale';
export type PreviewTokenCheck = { ok: true; claims: PreviewClaims } | { ok: false; reason: PreviewTokenRefusal };

function signingKey(key: string | null | undefined): string | undefined {
  const trimmed = key?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

function signature(key: string, claimsPart: string): Buffer {
  return createHmac('sha256', key).update(SIGNING_CONTEXT + claimsPart, 'utf8').digest();
}

/** A new token for one document and locale, valid from `now` for `lifetimeSeconds` (at most the contract's lifetime). */
export function signPreviewToken(
  key: string,
  target: { documentId: string; locale: string },
  options: { now?: number; lifetimeSeconds?: number } = {},
): string {
  const secret = signingKey(key);
  if (!secret) throw new Error('no preview signing key (PREVIEW_SECRET)');
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const lifetime = Math.min(options.lifetimeSeconds ?? PREVIEW_TOKEN_LIFETIME_SECONDS, PREVIEW_TOKEN_LIFETIME_SECONDS);
  const claims: PreviewClaims = claimsSchema.parse({
    doc: target.documentId,
    loc: target.locale,
    iat,
    exp: iat + lifetime,
    nonce: randomBytes(12).toString('base64url'),
  });
  const claimsPart = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${VERSION}.${claimsPart}.${signature(secret, claimsPart).toString('base64url')}`;
}

/**
 * Whether `token` opens `documentId` in `locale` now. The signature is checked first (in constant
 * time), so whatever a forger sends learns nothing but "forged"; only a genuine token can be
 * "expired" or for another document or locale.
 */
export function verifyPreviewToken(
  key: string | null | undefined,
  token: string | null | undefined,
  expected: { documentId: string; locale: string },
  now: number = Date.now(),
): PreviewTokenCheck {
  const secret = signingKey(key);
  if (!secret) return { ok: false, reason: 'no-key' };
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION || !BASE64URL.test(parts[1]!) || !BASE64URL.test(parts[2]!)) return { ok: false, reason: 'malformed' };
  const [, claimsPart, signaturePart] = parts as [string, string, string];

  const given = Buffer.from(signaturePart, 'base64url');
  const wanted = signature(secret, claimsPart);
  // timingSafeEqual needs equal lengths; a wrong length is as forged as a wrong byte.
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: 'forged' };

  let claims: PreviewClaims;
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8')));
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    claims = parsed.data;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const seconds = now / 1000;
  // A lifetime above the contract's is refused too: no signer may issue longer-lived URLs.
  if (claims.exp - claims.iat > PREVIEW_TOKEN_LIFETIME_SECONDS || claims.iat > seconds + CLOCK_SKEW_SECONDS || seconds >= claims.exp) {
    return { ok: false, reason: 'expired' };
  }
  if (claims.doc !== expected.documentId) return { ok: false, reason: 'other-document' };
  if (claims.loc !== expected.locale) return { ok: false, reason: 'other-locale' };
  return { ok: true, claims };
}
