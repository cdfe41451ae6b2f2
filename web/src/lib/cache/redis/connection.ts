/**
 * Connections to the Redis that several site instances share (`REDIS_URL`, server mode only).
 *
 * Redis is a help, never a dependency of a request: a page must be answered as fast with Redis
 * down as with no Redis at all. So every command either answers quickly or fails quickly —
 *  - no offline queue: a command sent while the connection is down fails at once instead of
 *    waiting in memory for a reconnect that may take minutes;
 *  - `commandTimeout`: a command on a connection that hangs (a Redis paused, a dead peer whose
 *    socket is not closed yet) fails after a short time;
 *  - `maxRetriesPerRequest: 0`: a command is not re-sent after a reconnect (callers fall back);
 * while the connection itself keeps reconnecting in the background, every second or two.
 *
 * The subscriber is the exception: it only listens (no request awaits it), so its SUBSCRIBE may
 * wait for the connection, and ioredis subscribes again after every reconnect.
 */
import { Redis, type RedisOptions } from 'ioredis';

/** A command that takes longer fails: the caller falls back to what it does without Redis. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 1000;
/** Reconnect delay grows with attempts up to this: a Redis down for an hour costs one attempt every 2 s. */
const MAX_RECONNECT_DELAY_MS = 2000;

/** `REDIS_URL` when set (trimmed), else undefined: then the site runs with no shared parts, as one process. */
export function redisUrlFromEnv(env: Record<string, string | undefined> = process.env): string | undefined {
  const url = env.REDIS_URL?.trim();
  return url ? url : undefined;
}

/**
 * The prefix of every key and channel (`REDIS_PREFIX`, default `good-practices:`): several sites, or a test,
 * can share one Redis without seeing each other's keys.
 */
export function redisPrefixFromEnv(env: Record<string, string | undefined> = process.env): string {
  return env.REDIS_PREFIX?.trim() || 'good-practices:';
}

export type RedisRole = 'commands' | 'subscriber';

function optionsFor(role: RedisRole): RedisOptions {
  return {
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: role === 'commands' ? REDIS_COMMAND_TIMEOUT_MS : undefined,
    enableOfflineQueue: role === 'subscriber',
    maxRetriesPerRequest: role === 'commands' ? 0 : null,
    retryStrategy: (attempts) => Math.min(attempts * 200, MAX_RECONNECT_DELAY_MS),
    // The site starts and serves whether Redis answers or not.
    lazyConnect: false,
    connectionName: `gp-site-${role}`,
  };
}

/**
 * A connection for `role`. Its errors are logged once per outage (ioredis emits one per failed
 * reconnect: every 2 s for as long as Redis is down), and once more when it is back.
 */
export function connectRedis(url: string, role: RedisRole, log: Pick<Console, 'warn' | 'info'> = console): Redis {
  const client = new Redis(url, optionsFor(role));
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log.warn(`[redis] ${role} connection failed (${error.message}); the site keeps serving without it`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    log.info(`[redis] ${role} connection is back`);
  });
  return client;
}
