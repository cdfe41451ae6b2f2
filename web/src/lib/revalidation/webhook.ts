/**
 * Verification of the CMS's revalidation webhook.
 *
 * The CMS signs each call: `x-gp-timestamp` is the Unix time in seconds, `x-gp-signature` is the
 * hex HMAC-SHA256 of `${timestamp}.${rawBody}` keyed with the shared `REVALIDATE_SECRET`
 * (optionally prefixed `sha256=`). A call is accepted once: timestamps more than five minutes
 * away from now are rejected, and every accepted signature is remembered until its timestamp
 * leaves that window, so a captured call cannot be replayed.
 *
 * That memory lives in the process. So that a restart does not reopen the window, calls signed
 * before the process started are refused too (`notBefore`, whole seconds: the timestamp has no
 * finer grain). Chosen over persisting the memory: nothing to write per call, no writable path,
 * nothing to share between instances. The cost: a call signed before a restart and delivered
 * after it is refused — the CMS signs every attempt afresh (plugin webhooks/site-notifier.ts), so
 * only a CMS clock running behind the site's makes a real call look older; keep clocks in sync.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const MAX_SKEW_SECONDS = 5 * 60;

export type VerifyResult =
  | { ok: true }
  | {
      ok: false;
      status: 400 | 401 | 409 | 503;
      reason: 'not-configured' | 'missing-headers' | 'bad-timestamp' | 'stale' | 'before-start' | 'bad-signature' | 'replay';
    };

export function sign(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

export class WebhookVerifier {
  readonly #secret: string | undefined;
  readonly #now: () => number;
  /** Accepted signatures → the time (ms) after which they can no longer be replayed anyway. */
  readonly #seen = new Map<string, number>();
  readonly #maxSeen: number;
  /** Unix seconds before which no call is accepted: the start of the process that remembers. */
  readonly #notBeforeSeconds: number;

  /** `notBefore`: epoch ms from which calls may be signed; the route passes its process's start. Default: now. */
  constructor(options: { secret: string | undefined; now?: () => number; maxSeen?: number; notBefore?: number }) {
    this.#secret = options.secret?.trim() ? options.secret : undefined;
    this.#now = options.now ?? Date.now;
    this.#maxSeen = options.maxSeen ?? 10_000;
    this.#notBeforeSeconds = Math.floor((options.notBefore ?? this.#now()) / 1000);
  }

  verify(timestampHeader: string | null, signatureHeader: string | null, rawBody: string): VerifyResult {
    if (!this.#secret) return { ok: false, status: 503, reason: 'not-configured' };
    if (!timestampHeader || !signatureHeader) return { ok: false, status: 400, reason: 'missing-headers' };
    if (!/^\d{1,12}$/.test(timestampHeader.trim())) return { ok: false, status: 400, reason: 'bad-timestamp' };
    const timestamp = Number(timestampHeader.trim());
    const now = this.#now();
    if (Math.abs(now / 1000 - timestamp) > MAX_SKEW_SECONDS) return { ok: false, status: 401, reason: 'stale' };
    if (timestamp < this.#notBeforeSeconds) return { ok: false, status: 401, reason: 'before-start' };

    const given = signatureHeader.trim().replace(/^sha256=/i, '').toLowerCase();
    const expected = sign(this.#secret, timestampHeader.trim(), rawBody);
    const givenBytes = /^[0-9a-f]{64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(0);
    const expectedBytes = Buffer.from(expected, 'hex');
    if (givenBytes.length !== expectedBytes.length || !timingSafeEqual(givenBytes, expectedBytes)) {
      return { ok: false, status: 401, reason: 'bad-signature' };
    }

    this.#forgetExpired(now);
    if (this.#seen.has(expected)) return { ok: false, status: 409, reason: 'replay' };
    if (this.#seen.size >= this.#maxSeen) {
      const oldest = this.#seen.keys().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
    this.#seen.set(expected, (timestamp + MAX_SKEW_SECONDS) * 1000 + 1000);
    return { ok: true };
  }

  #forgetExpired(now: number): void {
    for (const [signature, expiresAt] of this.#seen) {
      if (expiresAt < now) this.#seen.delete(signature);
    }
  }
}

/**
 * Body of a revalidation call: what changed. Accepts the plugin's own shape
 * (`{ model, entry: { documentId, slug, locale } }`) and Strapi's webhook shape
 * (`{ event, model|uid, entry }`); `model` may be a short name or a Strapi UID.
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

export type ChangedKind = 'practice' | 'tool' | 'site' | 'framework' | 'taxonomy' | 'locale' | 'unknown';

export function changedKind(payload: RevalidatePayload): ChangedKind {
  // A Strapi UID names the model last: `plugin::good-practices.tool`, `api::site.site`.
  const raw = (payload.model ?? payload.uid ?? '').toLowerCase();
  const name = raw.split(/::|\./).pop() ?? '';
  if (/^practices?$/.test(name)) return 'practice';
  if (/^tools?$/.test(name)) return 'tool';
  if (/^sites?$/.test(name)) return 'site';
  if (/framework|criteri|question|checklist/.test(name)) return 'framework';
  if (/integration-?areas?|target-?groups?|taxonom/.test(name)) return 'taxonomy';
  if (/^locales?$/.test(name)) return 'locale';
  return 'unknown';
}
