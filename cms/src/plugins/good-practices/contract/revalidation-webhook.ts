/**
 * The revalidation webhook: how the CMS tells the site that published content changed. The
 * plugin's site notifier (server/src/webhooks/site-notifier.ts) sends it, the site's
 * POST /api/revalidate (web/src/routes/revalidate.ts) receives it; both take the protocol from
 * here.
 *
 *   POST {SITE_REVALIDATE_URL}
 *   x-gp-timestamp: Unix seconds of the signing
 *   x-gp-signature: hex HMAC-SHA256 of `${timestamp}.${rawBody}` keyed with REVALIDATE_SECRET
 *                   (the receiver also takes it prefixed `sha256=`)
 *   { "event": "entry.publish", "model": "practice", "entry": { "documentId": "…", "slug": "…", "locale": "en" } }
 *
 * The timestamp lets the receiver refuse stale and replayed calls: a call signed more than
 * MAX_SKEW_SECONDS away from the receiver's clock is refused, so the sender signs each attempt
 * afresh. Strapi's own webhooks send static headers only, hence a sender of the plugin's own.
 *
 * A file of its own (not in index.ts): it needs node:crypto, which the admin panel's browser
 * bundle, importing the contract's types, must not pull in. No relative import either: plain
 * Node (the bench) loads it as TypeScript source. Imported as
 * `strapi-plugin-good-practices/contract/revalidation-webhook` by the site.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const TIMESTAMP_HEADER = 'x-gp-timestamp';
export const SIGNATURE_HEADER = 'x-gp-signature';

/** How far from the receiver's clock a call's timestamp may be, either way. */
export const MAX_SKEW_SECONDS = 5 * 60;

export interface RevalidationHeaders {
  [TIMESTAMP_HEADER]: string;
  [SIGNATURE_HEADER]: string;
}

/** The hex signature of `body` signed at `timestamp` (the header's text, Unix seconds). */
export function revalidationSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The headers that sign `body` now: what the sender adds to each attempt. */
export function signRevalidation(secret: string, body: string, now: number = Date.now()): RevalidationHeaders {
  const timestamp = String(Math.floor(now / 1000));
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: revalidationSignature(secret, timestamp, body) };
}

/** The timestamp header as Unix seconds, or undefined when it is not a whole number of seconds. */
export function readRevalidationTimestamp(header: string): number | undefined {
  const value = header.trim();
  return /^\d{1,12}$/.test(value) ? Number(value) : undefined;
}

/** Whether the timestamp (Unix seconds) is within MAX_SKEW_SECONDS of `now` (ms). */
export function isFreshRevalidation(timestamp: number, now: number): boolean {
  return Math.abs(now / 1000 - timestamp) <= MAX_SKEW_SECONDS;
}

/**
 * The signature that `signatureHeader` claims for `body` at `timestampHeader`, in its normal
 * form (lower-case hex) when it is the right one, else undefined. Compared in constant time, so a
 * forger learns nothing from how long a refusal takes. The normal form is what a receiver
 * remembers to refuse replays (the same call with the signature in upper case is the same call).
 */
export function verifiedRevalidationSignature(secret: string, timestampHeader: string, signatureHeader: string, body: string): string | undefined {
  const given = signatureHeader.trim().replace(/^sha256=/i, '').toLowerCase();
  const expected = revalidationSignature(secret, timestampHeader.trim(), body);
  const givenBytes = /^[0-9a-f]{64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(0);
  const expectedBytes = Buffer.from(expected, 'hex');
  // timingSafeEqual needs equal lengths; a wrong length is as forged as a wrong byte.
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes) ? expected : undefined;
}

/**
 * The body the plugin sends: which published entry changed, and how. `model` is the content
 * type's singular name (practice, tool, site, criteria-group, question, checklist-item,
 * integration-area, target-group) or `locale` (a locale added, renamed or deleted, or another
 * default locale: every page changes); `slug` and `documentId` are null for content without them.
 */
export interface RevalidationBody {
  event: string;
  model: string;
  entry: { documentId: string | null; slug: string | null; locale: string | null };
}

/**
 * What the receiver accepts: the plugin's body, and Strapi's own webhook shape
 * (`{ event, model|uid, entry }`) so that a Strapi webhook may call the site too; `model` may be a
 * short name or a Strapi UID (`plugin::good-practices.tool`).
 */
export const revalidatePayload = z.object({
  event: z.string().optional(),
  model: z.string().optional(),
  uid: z.string().optional(),
  entry: z
    .looseObject({
      documentId: z.string().nullable().optional(),
      slug: z.string().nullable().optional(),
      locale: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type RevalidatePayload = z.infer<typeof revalidatePayload>;
