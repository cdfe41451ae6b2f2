/**
 * The Redis parts of several site instances, each against a real redis-server this test runs
 * (never the machine's): the invalidation bus between two "instances" (two bus objects on their
 * own connections), the webhook's shared replay memory through the real verifier, the shared
 * route store's freshness and invalidation semantics and its bound, and what each does with
 * Redis stopped (fails fast, never throws).
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revalidationSignature as sign } from 'strapi-plugin-good-practices/contract/revalidation-webhook';
import { connectRedis } from '../../src/lib/cache/redis/connection';
import { InvalidationBus } from '../../src/lib/cache/redis/invalidation-bus';
import { SharedReplayMemory } from '../../src/lib/cache/redis/replay-memory';
import { SharedRouteStore } from '../../src/lib/cache/redis/shared-route-store';
import { WebhookVerifier } from '../../src/lib/revalidation/webhook';
import { startTestRedis, type TestRedis } from '../helpers/redis-server';

const quiet = { warn: () => undefined, info: () => undefined };
let redis: TestRedis;
const clients: Redis[] = [];

/** A connection as the site makes it; its commands fail until it is ready (no offline queue), so the tests wait for that. */
async function connect(role: 'commands' | 'subscriber'): Promise<Redis> {
  const client = connectRedis(redis.url, role, quiet);
  clients.push(client);
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  return client;
}

beforeAll(async () => {
  redis = await startTestRedis();
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await redis?.close();
});

const key = (path: string, query = '') => ({ path, query });
const page = (tags: string[], body = 'page', maxAge = 300) => ({ status: 200, body: Buffer.from(body), headers: [['content-type', 'text/html']] as [string, string][], tags, maxAge, readsQuery: false });

describe('invalidation bus', () => {
  it('delivers one instance\'s tags to the others, not back to itself', async () => {
    const heard: Record<string, string[][]> = { a: [], b: [] };
    const a = new InvalidationBus({ publisher: await connect('commands'), subscriber: await connect('subscriber'), channel: 'bus-test', onInvalidate: (tags) => heard.a!.push(tags), log: quiet });
    const b = new InvalidationBus({ publisher: await connect('commands'), subscriber: await connect('subscriber'), channel: 'bus-test', onInvalidate: (tags) => heard.b!.push(tags), log: quiet });
    await Promise.all([a.subscribed, b.subscribed]);
    expect(await a.publish(['practice:x', 'practices'])).toBe(true);
    await expect.poll(() => heard.b).toEqual([['practice:x', 'practices']]);
    // A message a sent arrives at a too (same channel): skipped. b's own next one proves the order.
    expect(await b.publish(['tools'])).toBe(true);
    await expect.poll(() => heard.a).toEqual([['tools']]);
    expect(heard.b).toEqual([['practice:x', 'practices']]);
  });

  it('ignores malformed messages on its channel', async () => {
    const heard: string[][] = [];
    const bus = new InvalidationBus({ publisher: await connect('commands'), subscriber: await connect('subscriber'), channel: 'bus-malformed', onInvalidate: (tags) => heard.push(tags), log: quiet });
    await bus.subscribed;
    const raw = await connect('commands');
    await raw.publish('bus-malformed', 'not json');
    await raw.publish('bus-malformed', JSON.stringify({ origin: 'other', tags: 'site' }));
    await raw.publish('bus-malformed', JSON.stringify({ origin: 'other', tags: ['site'] }));
    await expect.poll(() => heard).toEqual([['site']]);
  });
});

describe('shared replay memory', () => {
  it('refuses on every instance a call one of them accepted', async () => {
    const memory = new SharedReplayMemory(await connect('commands'), 'replay-test:');
    const one = new WebhookVerifier({ secret: 's3cret', shared: memory });
    const two = new WebhookVerifier({ secret: 's3cret', shared: new SharedReplayMemory(await connect('commands'), 'replay-test:') });
    const body = '{"model":"practice"}';
    const ts = String(Math.floor(Date.now() / 1000));
    expect(await one.verifyOnce(ts, sign('s3cret', ts, body), body)).toEqual({ ok: true });
    expect(await two.verifyOnce(ts, sign('s3cret', ts, body), body)).toEqual({ ok: false, status: 409, reason: 'replay' });
    // The key expires when the signature leaves the five-minute window.
    const ttl = await (await connect('commands')).pttl(`replay-test:${sign('s3cret', ts, body)}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(301_000);
  });
});

describe('shared route store', () => {
  it('serves a page stored by one instance to another until one of its tags is invalidated', async () => {
    const one = new SharedRouteStore(await connect('commands'), 'routes-a:');
    const two = new SharedRouteStore(await connect('commands'), 'routes-a:');
    const ticket = (await one.ticket())!;
    expect(await one.remember('/en/practices/x/', page(['practice:x', 'site'], 'x v1'), ticket)).toBe(true);
    expect((await two.fresh(key('/en/practices/x/')))?.body.toString()).toBe('x v1');
    // Any query: the page did not read it.
    expect((await two.fresh(key('/en/practices/x/', 'utm=1')))?.body.toString()).toBe('x v1');
    expect(await two.invalidate({ tags: ['tools'] })).toBe(true);
    expect(await one.fresh(key('/en/practices/x/'))).toBeDefined();
    expect(await two.invalidate({ tags: ['practice:x'] })).toBe(true);
    expect(await one.fresh(key('/en/practices/x/'))).toBeUndefined();
  });

  it('reads a render overtaken by an invalidation as stale; a render after it as fresh', async () => {
    const store = new SharedRouteStore(await connect('commands'), 'routes-b:');
    const before = (await store.ticket())!;
    await store.invalidate({ tags: ['site'] });
    await store.remember('/en/', page(['site'], 'rendered across'), before);
    expect(await store.fresh(key('/en/'))).toBeUndefined();
    await store.remember('/en/', page(['site'], 'rendered after'), (await store.ticket())!);
    expect((await store.fresh(key('/en/')))?.body.toString()).toBe('rendered after');
    // By path too.
    await store.invalidate({ path: '/en/' });
    expect(await store.fresh(key('/en/'))).toBeUndefined();
  });

  it('keeps at most maxEntries pages (the oldest go) and no page past its max-age', async () => {
    let now = Date.now();
    const store = new SharedRouteStore(await connect('commands'), 'routes-c:', { maxEntries: 3, now: () => now });
    const ticket = (await store.ticket())!;
    for (const n of [1, 2, 3, 4, 5]) {
      now += 1;
      await store.remember(`/p${n}/`, page(['site']), ticket);
    }
    expect(await store.size()).toBe(3);
    expect(await store.fresh(key('/p1/'))).toBeUndefined();
    expect(await store.fresh(key('/p5/'))).toBeDefined();
    now += 301_000;
    expect(await store.fresh(key('/p5/'))).toBeUndefined();
  });

  it('with Redis stopped: a lookup is a miss, a store or an invalidation is refused, a replay check is "unavailable", a publish false — nothing throws', async () => {
    const commands = await connect('commands');
    const store = new SharedRouteStore(commands, 'routes-d:');
    const memory = new SharedReplayMemory(commands, 'replay-d:');
    const bus = new InvalidationBus({ publisher: commands, subscriber: await connect('subscriber'), channel: 'bus-d', onInvalidate: () => undefined, log: quiet });
    await bus.subscribed;
    await redis.stop();
    try {
      await expect.poll(() => commands.status).not.toBe('ready');
      expect(await store.ticket()).toBeUndefined();
      expect(await store.fresh(key('/en/'))).toBeUndefined();
      expect(await store.remember('/en/', page(['site']), 0)).toBe(false);
      expect(await store.invalidate({ tags: ['site'] })).toBe(false);
      expect(await memory.claim('abc', Date.now() + 1000)).toBe('unavailable');
      expect(await bus.publish(['site'])).toBe(false);
    } finally {
      await redis.start();
    }
    // Back: the same connection works again without anyone's help.
    await expect.poll(() => store.invalidate({ tags: ['site'] }), { timeout: 30_000, interval: 100 }).toBe(true);
  });
});
