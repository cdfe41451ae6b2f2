/**
 * Several site instances in server mode sharing one Redis, against the REAL CMS (in-process,
 * its project's database, demo content): three processes of one server build, and a Redis server and a CDN purge
 * endpoint that this test runs itself (the machine's own Redis is never used).
 *
 * - a publish whose signed webhook reaches instance A shows on B and C (the Redis bus);
 * - that call, replayed to any instance, is refused (the replay memory in Redis);
 * - a page rendered by A is served by B without rendering (shared route store, on for A and B;
 *   C runs without it and relies on the bus only);
 * - the purge endpoint receives each invalidation's tags once, from the instance that got the
 *   webhook, with the bearer token; pages carry `Cache-Tag` / `CDN-Cache-Control` for the CDN;
 * - with Redis stopped, every instance keeps serving its cached pages, renders the others, and
 *   answers the webhook for itself (the others fall back to expiry); with Redis back, the bus works again.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeSummary } from 'strapi-plugin-good-practices/contract';
import { revalidationSignature as sign } from 'strapi-plugin-good-practices/contract/revalidation-webhook';
import { startStrapi, type RunningStrapi } from '../../../cms/tests/harness/strapi.ts';
import { seedDemoContent } from '../../../cms/scripts/seed-demo.ts';
import { createCmsClient, type CmsClient } from '../../src/lib/cms/client';
import { tags as cacheTags } from '../../src/lib/cache/tags';
import { freePort, serveServer, SHARED_SERVER_OUT, sharedServerBuild } from '../helpers/site-build';
import { decode } from '../helpers/html-text';
import { startTestRedis, type TestRedis } from '../helpers/redis-server';

const SECRET = 'scale-out-revalidate-secret';
const PURGE_TOKEN = 'purge-token-of-the-scale-out-test';
const PREFIX = 'gp-scale-out-test:';
const PRACTICE_UID = 'plugin::good-practices.practice';
/** Generous: builds, the CMS and three servers share this machine's two cores. */
const untilShown = { timeout: 30_000, interval: 100 };

const serverOut = SHARED_SERVER_OUT;

interface Documents {
  update(params: Record<string, unknown>): Promise<unknown>;
  publish(params: Record<string, unknown>): Promise<unknown>;
}
type Site = Awaited<ReturnType<typeof serveServer>>;

let cms: RunningStrapi;
let api: CmsClient;
let redis: TestRedis;
let inspect: Redis;
let purgeEndpoint: Server;
let purgeUrl: string;
const purges: { tags: string[]; headers: IncomingHttpHeaders }[] = [];
let a: Site;
let b: Site;
let c: Site;

const practices = (): Documents => cms.strapi.documents(PRACTICE_UID as never) as unknown as Documents;

/** The CDN's purge API, as a test double only in that it records what it is told: a real HTTP server. */
async function startPurgeEndpoint(): Promise<void> {
  purgeEndpoint = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      purges.push({ tags: (JSON.parse(body) as { tags: string[] }).tags, headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => purgeEndpoint.listen(0, '127.0.0.1', resolve));
  purgeUrl = `http://127.0.0.1:${(purgeEndpoint.address() as AddressInfo).port}/purge`;
}

beforeAll(async () => {
  const ports = [await freePort(), await freePort(), await freePort()];
  // One build serves every instance (SITE_URL is read when a page renders).
  const build = sharedServerBuild();
  redis = await startTestRedis();
  inspect = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  inspect.on('error', () => undefined);
  await startPurgeEndpoint();
  // No SITE_REVALIDATE_URL: the test signs each webhook call itself, to the instance it chooses.
  cms = await startStrapi({ env: { REVALIDATE_SECRET: SECRET } });
  api = createCmsClient({ baseUrl: cms.url, timeoutMs: 10_000 });
  const built = await build;
  if (built.code !== 0) throw new Error(`server build failed:\n${built.output}`);
  await seedDemoContent(cms.strapi);

  const env = { CMS_URL: cms.url, REVALIDATE_SECRET: SECRET, REDIS_URL: redis.url, REDIS_PREFIX: PREFIX, CDN_PURGE_URL: purgeUrl, CDN_PURGE_TOKEN: PURGE_TOKEN };
  [a, b, c] = await Promise.all([
    serveServer(serverOut, { ...env, ROUTE_CACHE_SHARED: 'on' }, ports[0]!),
    serveServer(serverOut, { ...env, ROUTE_CACHE_SHARED: 'on' }, ports[1]!),
    serveServer(serverOut, env, ports[2]!),
  ]);
  // Each instance subscribes when it starts; wait until all three listen before any test publishes.
  const deadline = Date.now() + untilShown.timeout;
  while ((await subscribers()) !== 3) {
    if (Date.now() > deadline) throw new Error(`the three instances did not subscribe:\n${a.log()}\n${b.log()}\n${c.log()}`);
    await new Promise((resolve) => setTimeout(resolve, untilShown.interval));
  }
});

/** Connections subscribed to the site's invalidation channel (0 while the test's Redis does not answer). */
async function subscribers(): Promise<number> {
  try {
    return Number((await inspect.pubsub('NUMSUB', `${PREFIX}invalidations`))[1]);
  } catch {
    return 0;
  }
}

afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), c?.close()]);
  inspect?.disconnect();
  await redis?.close();
  await new Promise((resolve) => purgeEndpoint?.close(resolve));
  await cms?.stop();
});

interface SignedCall {
  body: string;
  headers: Record<string, string>;
}

/** A webhook call for `practice` as the CMS signs it (createdAt keeps two calls in one second apart). */
function signedCall(practice: PracticeSummary): SignedCall {
  const body = JSON.stringify({ event: 'entry.publish', createdAt: new Date().toISOString(), model: 'practice', entry: { documentId: practice.documentId, slug: practice.slug, locale: practice.locale } });
  const ts = String(Math.floor(Date.now() / 1000));
  return { body, headers: { 'content-type': 'application/json', 'x-gp-timestamp': ts, 'x-gp-signature': sign(SECRET, ts, body) } };
}

function send(site: Site, call: SignedCall): Promise<Response> {
  return fetch(`${site.url}/api/revalidate`, { method: 'POST', headers: call.headers, body: call.body });
}

const pathOf = (practice: PracticeSummary) => `/${practice.locale}/practices/${practice.slug}/`;
const text = async (site: Site, path: string) => decode(await (await fetch(`${site.url}${path}`)).text());

async function cached(site: Site, path: string): Promise<void> {
  expect((await fetch(`${site.url}${path}`)).status, `${site.url}${path}`).toBe(200);
  expect((await fetch(`${site.url}${path}`)).headers.get('x-astro-cache'), `${site.url}${path} is cached`).toBe('HIT');
}

/** Publishes a new title of `practice` in the CMS (what an editor does in the admin); the site is not told. */
async function publishTitle(practice: PracticeSummary, label: string): Promise<string> {
  const title = `${practice.title} (${label} ${Date.now().toString(36)})`;
  await practices().update({ documentId: practice.documentId, locale: practice.locale, data: { title } });
  await practices().publish({ documentId: practice.documentId, locale: practice.locale });
  expect((await api.practice(practice.slug, practice.locale))?.title, 'the CMS publishes the change').toBe(title);
  return title;
}

/** Purges whose tags name this practice. */
const purgesOf = (practice: PracticeSummary) => purges.filter((purge) => purge.tags.includes(cacheTags.practiceDoc(practice.documentId)));

describe('several site instances sharing Redis', () => {
  let practice: PracticeSummary;
  let call: SignedCall;

  it('a publish signed to instance A shows on B and C; the CDN is purged once, by A', async () => {
    const [first] = await api.allPractices('en');
    if (first === undefined) throw new Error('the demo content has no English practice');
    practice = first;
    const path = pathOf(practice);
    for (const site of [a, b, c]) await cached(site, path);

    const title = await publishTitle(practice, 'published through A');
    // Cached for minutes: B and C show the old title until they hear of the change.
    expect(await text(b, path)).not.toContain(title);

    call = signedCall(practice);
    const answer = await send(a, call);
    expect(answer.status).toBe(200);
    for (const site of [a, b, c]) {
      await expect.poll(async () => (await text(site, path)).includes(title), { ...untilShown, message: `${site.url} shows the publish` }).toBe(true);
    }

    // One purge of the call's tags, with the token; another call (to B) then gets exactly one of its own too.
    await expect.poll(() => purgesOf(practice).length, untilShown).toBeGreaterThan(0);
    const [purge] = purgesOf(practice);
    expect(purge!.tags).toEqual((await answer.json()).invalidated);
    expect(purge!.headers.authorization).toBe(`Bearer ${PURGE_TOKEN}`);
    const [, other] = await api.allPractices('en');
    expect((await send(b, signedCall(other!))).status).toBe(200);
    await expect.poll(() => purgesOf(other!).length, untilShown).toBeGreaterThan(0);
    expect(purgesOf(practice).length, 'purges of the first call (A only, not one per instance)').toBe(1);
    expect(purgesOf(other!).length, 'purges of the second call').toBe(1);
  });

  it('refuses the same signed call replayed to any instance', async () => {
    for (const site of [b, c, a]) {
      const answer = await send(site, call);
      expect({ site: site.url, status: answer.status, body: await answer.json() }).toEqual({ site: site.url, status: 409, body: { ok: false, error: 'replay' } });
    }
  });

  it('serves a page rendered by A from B without rendering it (shared route store); C, without it, renders its own', async () => {
    const path = '/en/tools/';
    const first = await fetch(`${a.url}${path}`);
    expect(first.status).toBe(200);
    const body = await first.text();
    // A shares the page after answering: wait until Redis holds it.
    await expect.poll(() => inspect.exists(`${PREFIX}routes:page:${path}`), untilShown).toBe(1);
    const fromB = await fetch(`${b.url}${path}`);
    expect(fromB.headers.get('x-astro-cache')).toBe('HIT');
    expect(await fromB.text()).toBe(body);
    expect((await fetch(`${c.url}${path}`)).headers.get('x-astro-cache')).toBe('MISS');
  });

  it('sends the CDN its headers: CDN-Cache-Control and the content tags, on a render and on a cached answer, never the reserved tags', async () => {
    const path = `/en/practices/${practice.slug}.json`;
    const answers = [await fetch(`${c.url}${path}`), await fetch(`${c.url}${path}`)];
    expect(answers.map((answer) => answer.headers.get('x-astro-cache'))).toEqual(['MISS', 'HIT']);
    for (const answer of answers) {
      expect(answer.headers.get('cdn-cache-control')).toMatch(/^max-age=\d+/);
      const tags = answer.headers.get('cache-tag')?.split(',') ?? [];
      expect(tags).toContain(cacheTags.practiceDoc(practice.documentId));
      expect(tags.filter((tag) => tag.startsWith('gp:'))).toEqual([]);
    }
  });

  it('with Redis stopped, every instance keeps serving its cached pages and answers the webhook for itself; with Redis back, the bus works again', async () => {
    const [, second] = await api.allPractices('en');
    const path = pathOf(second!);
    for (const site of [a, b, c]) await cached(site, path);

    await redis.stop();
    // Cached pages, and a page never rendered (the shared store's lookup fails at once: a miss).
    for (const site of [a, b, c]) {
      await cached(site, path);
      expect((await fetch(`${site.url}/en/framework/`)).status, `${site.url} renders without Redis`).toBe(200);
    }
    const title = await publishTitle(second!, 'published while Redis is down');
    const before = purgesOf(second!).length;
    const answer = await send(b, signedCall(second!));
    expect(answer.status).toBe(200);
    expect(await text(b, path)).toContain(title);
    // The others did not hear of it: their copies stay until they expire (minutes).
    expect(await text(a, path)).not.toContain(title);
    expect(await text(c, path)).not.toContain(title);
    // The CDN is still purged, by B.
    await expect.poll(() => purgesOf(second!).length, untilShown).toBe(before + 1);

    await redis.start();
    await expect.poll(subscribers, { ...untilShown, message: 'every instance subscribes again' }).toBe(3);
    // C's command connection reconnects on its own schedule (a call before that is answered for C
    // alone, as above): each attempt is a new signed call, until A and B have heard one.
    await expect
      .poll(
        async () => {
          expect((await send(c, signedCall(second!))).status).toBe(200);
          return (await text(a, path)).includes(title) && (await text(b, path)).includes(title);
        },
        { ...untilShown, interval: 500, message: "A and B hear C's call" },
      )
      .toBe(true);
  });
});
