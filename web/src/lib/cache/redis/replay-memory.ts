/**
 * The webhook's replay memory shared by every site instance: a signed call accepted by one
 * instance is refused by all of them afterwards (src/lib/revalidation/webhook.ts).
 *
 * One key per accepted signature, written with SET NX (only the first writer succeeds, atomically
 * across instances) and an expiry at the moment the signature leaves the webhook's time window,
 * after which the timestamp check refuses it anyway: the memory is bounded by the calls of five
 * minutes, and Redis forgets them itself.
 */
import type { Redis } from 'ioredis';

export type ClaimResult = 'first' | 'replay' | 'unavailable';

export class SharedReplayMemory {
  readonly #redis: Redis;
  readonly #prefix: string;

  /** `prefix`: the key prefix of this memory (see ./connection.ts). */
  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  /**
   * Records `signature` as used until `untilMs` (epoch ms). `first` when no instance had used it,
   * `replay` when one had, `unavailable` when Redis did not answer (the caller decides; the
   * verifier then relies on its own process's memory).
   */
  async claim(signature: string, untilMs: number, now = Date.now()): Promise<ClaimResult> {
    const ttlMs = Math.max(1, Math.ceil(untilMs - now));
    try {
      const answer = await this.#redis.set(`${this.#prefix}${signature}`, '1', 'PX', ttlMs, 'NX');
      return answer === 'OK' ? 'first' : 'replay';
    } catch {
      return 'unavailable';
    }
  }
}
