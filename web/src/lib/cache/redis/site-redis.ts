/**
 * The shared parts of this site process, from the environment, created once: without
 * `REDIS_URL` there are none and the site runs exactly as a single process does (every
 * function here answers undefined).
 *
 * - the invalidation bus (./invalidation-bus.ts): started by the server entry when the process
 *   starts, so that an instance hears every invalidation from its first request on;
 * - the webhook's replay memory (./replay-memory.ts);
 * - the shared route store (./shared-route-store.ts), only with `ROUTE_CACHE_SHARED=on`.
 *
 * Two connections: one for commands, one subscribed (a subscribed connection can send nothing
 * else). Both are created on first use; they keep reconnecting in the background when Redis is
 * down, and no request waits for them (./connection.ts).
 */
import type { Redis } from 'ioredis';
import { connectRedis, redisPrefixFromEnv, redisUrlFromEnv } from './connection';
import { InvalidationBus } from './invalidation-bus';
import { SharedReplayMemory } from './replay-memory';
import { SharedRouteStore } from './shared-route-store';

type Env = Record<string, string | undefined>;

/** `ROUTE_CACHE_SHARED`: `on` shares rendered pages between instances through Redis; `off` (default) does not. */
export function sharedRouteCacheFromEnv(env: Env = process.env): boolean {
  const raw = env.ROUTE_CACHE_SHARED?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'off') return false;
  if (raw !== 'on') throw new Error(`ROUTE_CACHE_SHARED must be "on" or "off", not ${JSON.stringify(env.ROUTE_CACHE_SHARED)}`);
  if (redisUrlFromEnv(env) === undefined) throw new Error('ROUTE_CACHE_SHARED=on needs REDIS_URL');
  return true;
}

/** Checks the Redis settings when the server starts (a wrong one stops it there, named). */
export function assertRedisSettings(env: Env = process.env): void {
  const url = redisUrlFromEnv(env);
  if (url !== undefined && !/^rediss?:\/\//.test(url)) throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  sharedRouteCacheFromEnv(env);
}

let commands: Redis | undefined;
let bus: InvalidationBus | undefined;
let replay: SharedReplayMemory | undefined;
let routes: SharedRouteStore | undefined | null;

function commandConnection(): Redis | undefined {
  const url = redisUrlFromEnv();
  if (url === undefined) return undefined;
  commands ??= connectRedis(url, 'commands');
  return commands;
}

/**
 * Starts listening for the other instances' invalidations (once; later calls return the same
 * bus). `onInvalidate` drops this process's pages and data with the tags received.
 */
export function startInvalidationBus(onInvalidate: (tags: string[]) => void): InvalidationBus | undefined {
  if (bus !== undefined) return bus;
  const publisher = commandConnection();
  const url = redisUrlFromEnv();
  if (publisher === undefined || url === undefined) return undefined;
  bus = new InvalidationBus({ publisher, subscriber: connectRedis(url, 'subscriber'), channel: `${redisPrefixFromEnv()}invalidations`, onInvalidate });
  return bus;
}

/** The bus, once the server has started it. */
export function invalidationBus(): InvalidationBus | undefined {
  return bus;
}

/** The replay memory every instance shares, when Redis is configured. */
export function sharedReplayMemory(): SharedReplayMemory | undefined {
  const redis = commandConnection();
  if (redis === undefined) return undefined;
  replay ??= new SharedReplayMemory(redis, `${redisPrefixFromEnv()}webhook:seen:`);
  return replay;
}

/** The shared route store, when `ROUTE_CACHE_SHARED=on` (with `REDIS_URL`). `maxEntries`: the canonical tier's bound. */
export function sharedRouteStore(maxEntries?: number): SharedRouteStore | undefined {
  if (routes !== undefined) return routes ?? undefined;
  const redis = sharedRouteCacheFromEnv() ? commandConnection() : undefined;
  routes = redis === undefined ? null : new SharedRouteStore(redis, `${redisPrefixFromEnv()}routes:`, { maxEntries });
  return routes ?? undefined;
}
