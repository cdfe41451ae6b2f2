/**
 * The import command line and the public site (issue 12, item 10), and files that are not UTF-8
 * (item 5). The CLI runs as a user runs it (a child process on a throw-away SQLite database);
 * the site is a local HTTP receiver that checks every call with the site's own verifier
 * (web/src/lib/webhook.ts): a published import sends the signed notification the admin sends,
 * a dry run and a draft import send nothing, and a site that does not answer costs a warning,
 * not the import.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revalidatePayload } from '../../contract/revalidation-webhook';
import { WebhookVerifier } from '../../../../../../web/src/lib/webhook';
import { CMS_DIR, testSecrets } from '../../../../../tests/harness/strapi';
import { runImportCli as runCli } from '../support/import-cli';
import { FIXTURE_DIR } from '../unit/helpers/spring-fixtures';

const MIGRACODE = path.join(FIXTURE_DIR, 'migracode.txt');
const CZECH = path.join(FIXTURE_DIR, 'czech-qualification-recognition-portal.txt');
const SECRET = randomBytes(24).toString('hex');
const scratch = path.join(os.tmpdir(), `gp-import-site-${randomBytes(4).toString('hex')}`);

interface Call {
  verified: string;
  body: unknown;
}

/** The site's revalidation endpoint, as far as the CMS can tell: verifies and records each call. */
let site: Server;
let siteUrl: string;
const calls: Call[] = [];
const verifier = new WebhookVerifier({ secret: SECRET });

beforeAll(async () => {
  mkdirSync(scratch, { recursive: true });
  site = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      const result = verifier.verify(request.headers['x-gp-timestamp'] as string | undefined ?? null, request.headers['x-gp-signature'] as string | undefined ?? null, raw);
      calls.push({ verified: result.ok ? 'ok' : result.reason, body: JSON.parse(raw) as unknown });
      response.statusCode = result.ok ? 200 : result.status;
      response.end(JSON.stringify({ revalidated: result.ok }));
    });
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/api/revalidate`;
});

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await new Promise((resolve) => site?.close(resolve));
});

function databaseEnv(databaseFile: string, revalidateUrl: string): Record<string, string> {
  return {
    ...testSecrets(),
    NODE_ENV: 'test',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    DATABASE_URL: '',
    SITE_REVALIDATE_URL: revalidateUrl,
    REVALIDATE_SECRET: SECRET,
    SITE_REBUILD_HOOK_URL: '',
  };
}

describe('import CLI: the site is told', () => {
  it('sends the signed notification for a published import, nothing for a dry run or a draft, and survives a site that is down', async () => {
    const databaseFile = path.join('.tmp', `import-site-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.db`);
    try {
      const dryRun = await runCli(['--dry-run', '--status', 'published', MIGRACODE], databaseEnv(databaseFile, siteUrl));
      expect(dryRun.code, dryRun.stderr).toBe(0);
      expect(calls).toEqual([]);

      const published = await runCli(['--status', 'published', MIGRACODE], databaseEnv(databaseFile, siteUrl));
      expect(published.code, published.stderr).toBe(0);
      const documentId = /documentId (\w+)/.exec(published.stdout)?.[1];
      expect(documentId).toBeDefined();
      expect(calls).toContainEqual({ verified: 'ok', body: { event: 'entry.publish', model: 'practice', entry: { documentId, slug: 'migracode', locale: 'en' } } });
      expect(calls.every((call) => call.verified === 'ok' && revalidatePayload.safeParse(call.body).success)).toBe(true);

      const before = calls.length;
      const draft = await runCli(['--status', 'draft', '--title', 'Recognition portal', '--country', 'CZ', CZECH], databaseEnv(databaseFile, siteUrl));
      expect(draft.code, draft.stderr).toBe(0);
      expect(calls.slice(before).filter((call) => JSON.stringify(call.body).includes('recognition-portal'))).toEqual([]);

      // No site listening: the import stands (exit 0), the failure is said on stderr.
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/api/revalidate`;
      await new Promise((resolve) => closed.close(resolve));
      const republished = await runCli(['--status', 'published', '--title', 'Recognition portal', '--country', 'CZ', CZECH], databaseEnv(databaseFile, deadUrl));
      expect(republished.code, republished.stderr).toBe(0);
      expect(republished.stdout).toMatch(/published/);
      expect(republished.stderr).toMatch(/revalidation of practice \w+ \(entry\.publish\) failed: .*\/api\/revalidate/);
    } finally {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path.join(CMS_DIR, `${databaseFile}${suffix}`), { force: true });
    }
  }, 240_000);
});

describe('import CLI: a file that is not UTF-8', () => {
  it('is refused naming its line in the report format, nothing written, the other files still imported (exit 1)', async () => {
    // The MigraCode page saved in Latin-1: its first non-ASCII character becomes one invalid byte.
    const text = readFileSync(MIGRACODE, 'utf8').replace('MigraCode\n', 'MigraCode\n\nCOUNTRY\nEspaña\n');
    const line = text.split('\n').indexOf('España') + 1;
    const latin1 = path.join(scratch, 'latin1.txt');
    writeFileSync(latin1, Buffer.from(text, 'latin1'));

    const dryRun = await runCli(['--dry-run', latin1, MIGRACODE]);
    expect(dryRun.code).toBe(1);
    expect(dryRun.stderr).toContain(`latin1.txt:${line}: error: line ${line} is not valid UTF-8 (save the file as UTF-8); nothing was imported. [invalid-utf8]`);
    expect((JSON.parse(dryRun.stdout) as { slug: string }[]).map((entry) => entry.slug)).toEqual(['migracode']);

    const databaseFile = path.join('.tmp', `import-utf8-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.db`);
    try {
      const run = await runCli(['--status', 'draft', latin1, MIGRACODE], databaseEnv(databaseFile, ''));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`latin1.txt:${line}: error: line ${line} is not valid UTF-8`);
      expect(run.stderr).toContain('1 of 2 files not imported.');
      // One practice written, from the UTF-8 file; nothing of the Latin-1 one.
      expect(run.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^migracode\.txt: created practice “MigraCode”/)]);
    } finally {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path.join(CMS_DIR, `${databaseFile}${suffix}`), { force: true });
    }
  }, 180_000);
});
