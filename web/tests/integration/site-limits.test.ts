/**
 * Issue 12 (items 3 and 9) against the real on-request site, over real HTTP:
 * - POST /api/revalidate stops reading at its 64 KB limit whatever the encoding (a 200 MB chunked
 *   body is answered 413 — the figure of its memory is bench/abuse.ts's, not a test's);
 * - a captured webhook call is not accepted again after the site restarts;
 * - a practice whose title carries control characters still yields an RSS feed (and a sitemap)
 *   that a strict XML parser (Chromium's DOMParser) accepts;
 * - the static build writes dist/_headers with exactly the security headers server mode sends
 *   (plus the static search's 'wasm-unsafe-eval').
 * The CMS is the real one (cms/tests/harness), seeded with the demo content.
 */
import { request as httpRequest } from 'node:http';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type RunningStrapi } from '../../../cms/tests/harness/strapi.ts';
import { seedDemoContent } from '../../../cms/scripts/seed-demo.ts';
import { closeBrowser, openPage } from '../helpers/browser';
import { astroBuild, freePort, serveServer, webRoot, SHARED_SERVER_OUT, sharedServerBuild } from '../helpers/site-build';
import { createCmsClient } from '../../src/lib/cms/client';
import { defaultLocaleOf } from '../../src/lib/i18n';
import { parseHeadersFile } from '../../src/lib/static-headers';
import { revalidationSignature as sign } from 'strapi-plugin-good-practices/contract/revalidation-webhook';

const SECRET = 'site-limits-secret';
const PRACTICE_UID = 'plugin::good-practices.practice';
/** The server build imports its dependencies at run time: it must live under web/ to find them. */
const serverOut = SHARED_SERVER_OUT;
const staticOut = join(webRoot, '.tmp', `test-limits-static-${process.pid}-${Date.now().toString(36)}`);
const CONTROL_TITLE = 'Control\u0001 characters\u0008 in\u000B a\u001F title\uFFFF';

interface Documents {
  findMany(params: Record<string, unknown>): Promise<(Record<string, unknown> & { documentId: string; title: string })[]>;
  update(params: Record<string, unknown>): Promise<unknown>;
  publish(params: Record<string, unknown>): Promise<unknown>;
}

let cms: RunningStrapi;
let port: number;
let site: Awaited<ReturnType<typeof serveServer>>;
let locale: string;

const startSite = () => serveServer(serverOut, { CMS_URL: cms.url, REVALIDATE_SECRET: SECRET, SITE_URL: `http://127.0.0.1:${port}` }, port);

beforeAll(async () => {
  port = await freePort();
  const build = sharedServerBuild();
  cms = await startStrapi();
  await seedDemoContent(cms.strapi);
  locale = defaultLocaleOf(await createCmsClient({ baseUrl: cms.url, timeoutMs: 10_000 }).locales()).code;
  // What an editor does: paste a title carrying control characters, publish.
  const practices = cms.strapi.documents(PRACTICE_UID as never) as unknown as Documents;
  const [practice] = await practices.findMany({ locale, status: 'published', limit: 1 });
  if (!practice) throw new Error('the demo content has no published practice');
  await practices.update({ documentId: practice.documentId, locale, data: { title: CONTROL_TITLE } });
  await practices.publish({ documentId: practice.documentId, locale });
  const built = await build;
  if (built.code !== 0) throw new Error(`server build failed:\n${built.output}`);
  site = await startSite();
});

afterAll(async () => {
  await closeBrowser();
  await site?.close();
  await cms?.stop();
  rmSync(staticOut, { recursive: true, force: true });
});

function signedCall(body: string, timestamp = String(Math.floor(Date.now() / 1000))): { headers: Record<string, string>; body: string } {
  return { headers: { 'content-type': 'application/json', 'x-gp-timestamp': timestamp, 'x-gp-signature': sign(SECRET, timestamp, body) }, body };
}

/**
 * POSTs `head` then `total` bytes chunked (no Content-Length), generated as it goes, and stops
 * sending once answered; resolves with the answer and how much had been handed to the socket.
 */
/**
 * Posts `head` then `total` bytes of spaces, chunked. `holdEndMs`: once every byte is out, wait
 * that long for an answer before ending the body; a server that stops reading at its limit answers
 * while the body is still open, and the client, no longer writing, reads the answer before the
 * server closes the connection (ending at once could hit the closed socket first: EPIPE).
 */
function postChunked(url: string, headers: Record<string, string>, head: string, total: number, holdEndMs = 0): Promise<{ status: number | string; sent: number }> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' }, agent: false });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    req.on('response', (response) => {
      answered = true;
      response.resume();
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, sent });
        req.destroy();
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!answered) resolve({ status: error.code ?? error.message, sent });
    });
    const pump = (): void => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (answered) return;
      if (holdEndMs > 0) setTimeout(() => answered || req.end(), holdEndMs);
      else req.end();
    };
    req.write(head);
    pump();
  });
}

describe('POST /api/revalidate body limit', () => {
  it('answers 413 to a 200 MB chunked body before the client could send it all (it stops reading at 64 KB)', async () => {
    const total = 200 * 1024 * 1024;
    const { status, sent } = await postChunked(`${site.url}/api/revalidate`, signedCall('{}').headers, '{"model":"practice","pad":"', total);
    expect(status).toBe(413);
    // Behaviour, not time: had the site read the body whole first, every byte would have gone out.
    expect(sent).toBeLessThan(total);
  });

  it('answers 413 to a chunked body just over 64 KB, and still takes a small chunked call', async () => {
    expect((await postChunked(`${site.url}/api/revalidate`, signedCall('{}').headers, '{"pad":"', 65 * 1024, 10_000)).status).toBe(413);
    const call = signedCall(JSON.stringify({ model: 'site' }));
    expect((await postChunked(`${site.url}/api/revalidate`, call.headers, call.body, 0)).status).toBe(200);
  });

  it('answers 413 to a declared Content-Length over 64 KB', async () => {
    const body = `{"pad":"${' '.repeat(65 * 1024)}"}`;
    const response = await fetch(`${site.url}/api/revalidate`, { method: 'POST', ...signedCall(body) });
    expect(response.status).toBe(413);
  });
});

describe('webhook replay across a restart', () => {
  it('refuses a captured call after the site restarted, and takes fresh ones', async () => {
    const captured = signedCall(JSON.stringify({ model: 'practice', entry: { slug: 'x', locale } }));
    expect((await fetch(`${site.url}/api/revalidate`, { method: 'POST', ...captured })).status).toBe(200);
    expect((await fetch(`${site.url}/api/revalidate`, { method: 'POST', ...captured })).status).toBe(409);

    await site.close();
    // Timestamps are whole seconds, and a call signed in the second the new process starts counts
    // as after it: start it once the clock has left the second the captured call was signed in.
    const signedIn = Number(captured.headers['x-gp-timestamp']);
    while (Math.floor(Date.now() / 1000) <= signedIn) await new Promise((resolve) => setTimeout(resolve, 20));
    site = await startSite();

    const replay = await fetch(`${site.url}/api/revalidate`, { method: 'POST', ...captured });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ ok: false, error: 'before-start' });
    const fresh = signedCall(JSON.stringify({ model: 'practice', entry: { slug: 'x', locale } }));
    expect((await fetch(`${site.url}/api/revalidate`, { method: 'POST', ...fresh })).status).toBe(200);
  });
});

describe('shared secrets of the server in production', () => {
  it('refuses to start with a webhook or preview secret shorter than 32 bytes, naming it, not printing it', async () => {
    const shortSecret = 'too-short-secret';
    for (const name of ['REVALIDATE_SECRET', 'PREVIEW_SECRET']) {
      const started = serveServer(serverOut, { CMS_URL: cms.url, NODE_ENV: 'production', [name]: shortSecret }, await freePort());
      const error = await started.then(
        async (server) => {
          await server.close();
          return undefined;
        },
        (refused: Error) => refused,
      );
      expect(error?.message, name).toContain(`at least 32 bytes in production: ${name}`);
      expect(error?.message).not.toContain(shortSecret);
    }
  });
});

describe('XML outputs with control characters in the content', () => {
  /** Chromium's XML parser: the problem it reports, or null for a well-formed document. */
  async function xmlProblem(xml: string): Promise<string | null> {
    const { page, close } = await openPage();
    try {
      return await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
      }, xml);
    } finally {
      await close();
    }
  }

  it('the RSS feed of a practice titled with control characters is well-formed XML and names it', async () => {
    const response = await fetch(`${site.url}/${locale}/rss.xml`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    expect(await xmlProblem(xml)).toBeNull();
    expect(xml).toContain('<title>Control characters in a title</title>');
  });

  it('the sitemap is well-formed XML', async () => {
    const response = await fetch(`${site.url}/sitemap.xml`);
    expect(response.status).toBe(200);
    expect(await xmlProblem(await response.text())).toBeNull();
  });

  it('the check itself: the parser refuses a control character', async () => {
    expect(await xmlProblem('<a>\u0001</a>')).not.toBeNull();
  });
});

describe('security headers of a static build', () => {
  it('dist/_headers gives every path exactly the security headers server mode sends', async () => {
    const built = await astroBuild(staticOut, { SITE_MODE: 'static', CMS_URL: cms.url, SITE_URL: `http://127.0.0.1:${port}` });
    expect(built.code, built.output).toBe(0);
    const file = join(staticOut, '_headers');
    expect(existsSync(file)).toBe(true);
    const written = parseHeadersFile(readFileSync(file, 'utf8'));
    expect(Object.keys(written)).toContain('Content-Security-Policy');

    // The server site reads the same CMS (CMS_URL): the same headers, value for value, but for
    // the two allowances static hosting adds, which server mode does not need: Pagefind's
    // WebAssembly ('wasm-unsafe-eval' in script-src; server mode searches through the CMS) and
    // the CMS in connect-src (a proposal's status page asks it from the browser; server mode
    // asks on the server).
    const cmsOrigin = new URL(cms.url).origin;
    const page = await fetch(`${site.url}/${locale}/`);
    expect(page.status).toBe(200);
    for (const [name, value] of Object.entries(written)) {
      const expected =
        name === 'Content-Security-Policy' ? value.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self'").replace(`connect-src 'self' ${cmsOrigin}`, "connect-src 'self'") : value;
      expect(page.headers.get(name), name).toBe(expected);
    }
    expect(written['Content-Security-Policy']).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(written['Content-Security-Policy']).toContain(`connect-src 'self' ${cmsOrigin};`);
  });
});
