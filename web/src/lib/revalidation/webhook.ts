/**
 * The site's side of the CMS's revalidation webhook: which calls it accepts. The protocol itself
 * (headers, signature, body) is the plugin's contract
 * (`strapi-plugin-good-practices/contract/revalidation-webhook`), shared with the sender.
 *
 * A call is accepted once: timestamps more than five minutes away from now are rejected, and
 * every accepted signature is remembered until its timestamp leaves that window, so a captured
 * call cannot be replayed.
 *
 * That memory lives in the process. So that a restart does not reopen the window, calls signed
 * before the process started are refused too (`notBefore`, whole seconds: the timestamp has no
 * finer grain). Chosen over persisting the memory: nothing to write per call, no writable path,
 * nothing to share between instances. The cost: a call signed before a restart and delivered
 * after it is refused — the CMS signs every attempt afresh (plugin webhooks/site-notifier.ts), so
 * only a CMS clock running behind the site's makes a real call look older; keep clocks in sync.
 *
 * Several instances (`REDIS_URL`): a call accepted by one must be refused by the others too, so
 * `verifyOnce` also claims the signature in the memory they share (../cache/redis/replay-memory.ts).
 * The process's own memory stays first: a replay to the same instance is refused even while Redis
 * is down. With Redis down, a replay to *another* instance within the five minutes is accepted —
 * its only effect is one more invalidation of the same pages, which re-render; refusing every
 * webhook instead would leave every instance's pages stale until they expire.
 */
import {
  isFreshRevalidation,
  MAX_SKEW_SECONDS,
  readRevalidationTimestamp,
  type RevalidatePayload,
  verifiedRevalidationSignature,
} from 'strapi-plugin-good-practices/contract/revalidation-webhook';
import type { ClaimResult } from '../cache/redis/replay-memory';

/** The memory several instances share (a `SharedReplayMemory` over Redis). */
export interface SharedSignatureMemory {
  claim(signature: string, untilMs: number, now?: number): Promise<ClaimResult>;
}

export type VerifyResult =
  | { ok: true }
  | {
      ok: false;
      status: 400 | 401 | 409 | 503;
      reason: 'not-configured' | 'missing-headers' | 'bad-timestamp' | 'stale' | 'before-start' | 'bad-signature' | 'replay';
    };

export class WebhookVerifier {
  readonly #secret: string | undefined;
  readonly #now: () => number;
  /** Accepted signatures → the time (ms) after which they can no longer be replayed anyway. */
  readonly #seen = new Map<string, number>();
  readonly #maxSeen: number;
  /** Unix seconds before which no call is accepted: the start of the process that remembers. */
  readonly #notBeforeSeconds: number;
  readonly #shared: SharedSignatureMemory | undefined;
  readonly #log: Pick<Console, 'warn'>;

  /**
   * `notBefore`: epoch ms from which calls may be signed; the route passes its process's start. Default: now.
   * `shared`: the replay memory of every instance (`verifyOnce` only).
   */
  constructor(options: { secret: string | undefined; now?: () => number; maxSeen?: number; notBefore?: number; shared?: SharedSignatureMemory; log?: Pick<Console, 'warn'> }) {
    this.#secret = options.secret?.trim() ? options.secret : undefined;
    this.#shared = options.shared;
    this.#log = options.log ?? console;
    this.#now = options.now ?? Date.now;
    this.#maxSeen = options.maxSeen ?? 10_000;
    this.#notBeforeSeconds = Math.floor((options.notBefore ?? this.#now()) / 1000);
  }

  /** Checks a call against this process's memory only. */
  verify(timestampHeader: string | null, signatureHeader: string | null, rawBody: string): VerifyResult {
    const checked = this.#check(timestampHeader, signatureHeader, rawBody);
    return checked.ok ? { ok: true } : checked;
  }

  /** Checks a call against this process's memory, then against the memory every instance shares (when configured). */
  async verifyOnce(timestampHeader: string | null, signatureHeader: string | null, rawBody: string): Promise<VerifyResult> {
    const checked = this.#check(timestampHeader, signatureHeader, rawBody);
    if (!checked.ok) return checked;
    if (this.#shared === undefined) return { ok: true };
    const claimed = await this.#shared.claim(checked.signature, checked.replayableUntil, this.#now());
    if (claimed === 'replay') return { ok: false, status: 409, reason: 'replay' };
    if (claimed === 'unavailable') this.#log.warn('[webhook] shared replay memory unavailable: the call was checked against this instance\'s memory only');
    return { ok: true };
  }

  #check(
    timestampHeader: string | null,
    signatureHeader: string | null,
    rawBody: string,
  ): { ok: true; signature: string; replayableUntil: number } | Exclude<VerifyResult, { ok: true }> {
    if (!this.#secret) return { ok: false, status: 503, reason: 'not-configured' };
    if (!timestampHeader || !signatureHeader) return { ok: false, status: 400, reason: 'missing-headers' };
    const timestamp = readRevalidationTimestamp(timestampHeader);
    if (timestamp === undefined) return { ok: false, status: 400, reason: 'bad-timestamp' };
    const now = this.#now();
    if (!isFreshRevalidation(timestamp, now)) return { ok: false, status: 401, reason: 'stale' };
    if (timestamp < this.#notBeforeSeconds) return { ok: false, status: 401, reason: 'before-start' };

    const expected = verifiedRevalidationSignature(this.#secret, timestampHeader, signatureHeader, rawBody);
    if (expected === undefined) return { ok: false, status: 401, reason: 'bad-signature' };

    this.#forgetExpired(now);
    if (this.#seen.has(expected)) return { ok: false, status: 409, reason: 'replay' };
    if (this.#seen.size >= this.#maxSeen) {
      const oldest = this.#seen.keys().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
    const replayableUntil = (timestamp + MAX_SKEW_SECONDS) * 1000 + 1000;
    this.#seen.set(expected, replayableUntil);
    return { ok: true, signature: expected, replayableUntil };
  }

  #forgetExpired(now: number): void {
    for (const [signature, expiresAt] of this.#seen) {
      if (expiresAt < now) this.#seen.delete(signature);
    }
  }
}

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
