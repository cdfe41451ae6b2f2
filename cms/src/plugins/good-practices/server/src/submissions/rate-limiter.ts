/**
 * Posts per client in a sliding window, in memory (one CMS process; a restart forgets, which only
 * ever lets a client post again sooner). Bounded: at most MAX_CLIENTS addresses are remembered;
 * beyond, the one seen longest ago is forgotten, so a flood from many addresses costs a fixed
 * amount of memory (each entry holds at most `limit` timestamps).
 */
const MAX_CLIENTS = 10_000;

export interface RateVerdict {
  allowed: boolean;
  /** Seconds until the oldest counted post leaves the window (for Retry-After). */
  retryAfterSeconds: number;
}

export class SlidingWindowLimiter {
  private readonly posts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a post of `client` and says whether it is within the limit. Refused posts are not counted. */
  take(client: string): RateVerdict {
    const now = this.now();
    const recent = (this.posts.get(client) ?? []).filter((time) => now - time < this.windowMs);
    this.posts.delete(client);
    if (recent.length >= this.limit) {
      this.posts.set(client, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.posts.set(client, recent);
    if (this.posts.size > MAX_CLIENTS) this.posts.delete(this.posts.keys().next().value as string);
    return { allowed: true, retryAfterSeconds: 0 };
  }
}
