/**
 * The invalidation bus: a revalidation received by one site instance reaches every other one,
 * through Redis pub/sub.
 *
 * The instance that received the webhook invalidates its own caches itself (at once, Redis or
 * not) and publishes the tags; every instance listening drops its pages and data with those tags
 * when the message arrives, and ignores its own messages (already done).
 *
 * Pub/sub keeps nothing: an instance that is not connected when a message is sent (Redis down,
 * a network split, a restart) never gets it, and its pages of that change stay fresh until they
 * expire (`PAGE_MAX_AGE`, src/lib/data/page-context.ts). That is the fallback the site accepts:
 * the same as a webhook lost with one instance, bounded by the pages' lifetime.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** What travels on the channel: who sent it, and the tags it invalidates. Bounded: a message is a handful of tags. */
const invalidationMessage = z.object({
  origin: z.string().min(1).max(100),
  tags: z.array(z.string().min(1).max(500)).max(1000),
});
export type InvalidationMessage = z.infer<typeof invalidationMessage>;

export interface InvalidationBusOptions {
  /** Connection for PUBLISH (the shared command connection). */
  publisher: Redis;
  /** A connection of its own: a subscribed connection can send nothing else. */
  subscriber: Redis;
  /** The channel's name (prefixed, see ./connection.ts). */
  channel: string;
  /** Called with the tags of every message sent by another instance. */
  onInvalidate: (tags: string[]) => void;
  log?: Pick<Console, 'warn'>;
}

export class InvalidationBus {
  /** This process, so that it skips the messages it sent itself. */
  readonly instanceId = randomUUID();
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #channel: string;
  readonly #log: Pick<Console, 'warn'>;
  /** Resolves once the first SUBSCRIBE is confirmed (tests and start-up wait for it; requests never do). */
  readonly subscribed: Promise<void>;

  constructor(options: InvalidationBusOptions) {
    this.#publisher = options.publisher;
    this.#subscriber = options.subscriber;
    this.#channel = options.channel;
    this.#log = options.log ?? console;
    this.#subscriber.on('message', (channel: string, raw: string) => {
      if (channel !== this.#channel) return;
      const message = this.#read(raw);
      if (message === undefined || message.origin === this.instanceId) return;
      options.onInvalidate(message.tags);
    });
    this.subscribed = this.#subscriber.subscribe(this.#channel).then(
      () => undefined,
      (error: Error) => this.#log.warn(`[redis] could not subscribe to ${this.#channel}: ${error.message}`),
    );
  }

  /**
   * Tells the other instances to drop `tags`. Resolves to whether Redis took the message; never
   * rejects (a failure is logged: the other instances then fall back to expiry).
   */
  async publish(tags: readonly string[]): Promise<boolean> {
    if (tags.length === 0) return true;
    const message: InvalidationMessage = { origin: this.instanceId, tags: [...tags] };
    try {
      await this.#publisher.publish(this.#channel, JSON.stringify(message));
      return true;
    } catch (error) {
      this.#log.warn(`[redis] invalidation of ${tags.length} tag(s) not shared with the other instances (${(error as Error).message}); their pages expire instead`);
      return false;
    }
  }

  #read(raw: string): InvalidationMessage | undefined {
    try {
      return invalidationMessage.parse(JSON.parse(raw));
    } catch {
      this.#log.warn(`[redis] ignored a malformed message on ${this.#channel}`);
      return undefined;
    }
  }
}
