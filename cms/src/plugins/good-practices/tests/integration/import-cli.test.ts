/**
 * The import command line (cms/scripts/import.ts) as a user runs it: a child process, its exit
 * status, stdout and stderr. The dry run needs only the compiled plugin; one test imports for
 * real into a throw-away SQLite database. Expectations come from the fixture text (the oracle).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CMS_DIR, testSecrets } from '../../../../../tests/harness/strapi';
import { runImportCli as runCli } from '../support/import-cli';
import { FIXTURE_DIR, readFixture, readOracle } from '../unit/helpers/spring-fixtures';

const MIGRACODE = path.join(FIXTURE_DIR, 'migracode.txt');
const CZECH = path.join(FIXTURE_DIR, 'czech-qualification-recognition-portal.txt');
const scratch = path.join(os.tmpdir(), `gp-import-cli-${randomBytes(4).toString('hex')}`);

interface DryRunEntry {
  file: string;
  title: string;
  slug: string;
  practice: {
    title: string;
    country: string | null;
    answers: { questionKey: string; body: string; tools: { name: string; kind: string }[] }[];
    assessment: Record<string, string>;
  };
  report: { line: number; level: string; code: string; message: string }[];
}

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('import CLI: --dry-run', () => {
  it('prints the parsed practice as JSON, exit 0, with the page text as its content', async () => {
    const run = await runCli(['--dry-run', MIGRACODE]);
    expect(run.code, run.stderr).toBe(0);
    const entries = JSON.parse(run.stdout) as DryRunEntry[];
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ file: 'migracode.txt', title: 'MigraCode', slug: 'migracode' });

    const oracle = readOracle(readFixture('migracode.txt'));
    expect(entry.practice.answers.map((answer) => answer.questionKey)).toEqual(oracle.questions.map((question) => question.key));
    for (const question of oracle.questions) {
      const answer = entry.practice.answers.find((candidate) => candidate.questionKey === question.key);
      for (const paragraph of question.paragraphs) expect(answer?.body).toContain(paragraph.text);
      for (const item of question.items) expect(entry.practice.assessment[item.itemKey ?? '']).toBe(item.mark === 'check' ? 'met' : 'not-met');
    }
    // The report goes to stderr, one finding per line, as FILE:LINE: level: message.
    for (const finding of entry.report) {
      expect(run.stderr).toContain(`migracode.txt:${finding.line}: ${finding.level}: ${finding.message}`);
    }
    expect(run.stderr).toMatch(/^migracode\.txt:\d+: warning: .*unmarked/m);
  });

  it('takes --title and --country for a page without them, and keeps stdout pure JSON for several files', async () => {
    const run = await runCli(['--dry-run', '--country', 'cz', CZECH, MIGRACODE]);
    expect(run.code, run.stderr).toBe(1); // the Czech page has no title: it fails, MigraCode is still parsed
    const entries = JSON.parse(run.stdout) as DryRunEntry[];
    expect(entries.map((entry) => entry.slug)).toEqual(['migracode']);
    expect(run.stderr).toMatch(/^czech-qualification-recognition-portal\.txt: error: .*title/m);

    const titled = await runCli(['--dry-run', '--title', 'Portal for the recognition of foreign qualifications', '--country', 'CZ', CZECH]);
    expect(titled.code, titled.stderr).toBe(0);
    const [czech] = JSON.parse(titled.stdout) as DryRunEntry[];
    expect(czech).toMatchObject({ slug: 'portal-for-the-recognition-of-foreign-qualifications', practice: { country: 'CZ' } });
    const tools = readOracle(readFixture('czech-qualification-recognition-portal.txt')).questions.flatMap((question) => question.tools);
    expect(czech.practice.answers.flatMap((answer) => answer.tools.map((tool) => tool.name))).toEqual(tools.map((line) => line.text.replace(/\.$/, '')));
  });

  it('rejects a file that is not a page with a clear message and exit 1, still processing the others', async () => {
    mkdirSync(scratch, { recursive: true });
    const notAPage = path.join(scratch, 'minutes.txt');
    writeFileSync(notAPage, 'Minutes of the steering committee\n\nAll partners were present.\n');
    const run = await runCli(['--dry-run', notAPage, MIGRACODE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('minutes.txt: error: Not a SPRING good-practice page');
    expect((JSON.parse(run.stdout) as DryRunEntry[]).map((entry) => entry.slug)).toEqual(['migracode']);
  });
});

describe('import CLI: arguments', () => {
  it.each([
    ['an unknown flag', ['--publish', MIGRACODE], /Unknown option '--publish'/],
    ['a bad status', ['--status', 'live', MIGRACODE], /--status must be draft or published/],
    ['a bad locale', ['--locale', 'English', MIGRACODE], /not a locale code/],
    ['a bad country', ['--country', 'Czechia', MIGRACODE], /not an ISO 3166-1 alpha-2/],
    ['a missing file', ['--dry-run', path.join(FIXTURE_DIR, 'no-such-page.txt')], /No such file: .*no-such-page\.txt/],
    ['no file at all', ['--dry-run'], /No FILE given/],
    ['--title with several files', ['--title', 'One title', MIGRACODE, CZECH], /--title applies to a single page/],
    ['a flag without its value', [MIGRACODE, '--locale'], /argument missing/],
  ])('exits 2 with the usage for %s', async (_case, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: npm run import -- [options] FILE…');
    expect(run.stdout).toBe('');
  });

  it('prints the usage on --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--status STATUS');
  });
});

describe('import CLI: into a database', () => {
  it('imports, prints one line per file, changes nothing the second time, refuses an unconfigured locale', async () => {
    const databaseFile = path.join('.tmp', `import-cli-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.db`);
    const env = { ...testSecrets(), NODE_ENV: 'test', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: databaseFile, DATABASE_URL: '' };
    try {
      const first = await runCli(['--status', 'published', MIGRACODE], env);
      expect(first.code, first.stderr).toBe(0);
      const lines = first.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^migracode\.txt: created practice “MigraCode” \(slug migracode, en, published, documentId \w+\): 11 answers, 36 checklist items assessed/);
      expect(first.stderr).toMatch(/^migracode\.txt:113: warning: /m);

      const second = await runCli(['--status', 'published', MIGRACODE], env);
      expect(second.code, second.stderr).toBe(0);
      const documentId = /documentId (\w+)/.exec(lines[0])?.[1];
      expect(second.stdout).toMatch(new RegExp(`^migracode\\.txt: unchanged practice “MigraCode” \\(slug migracode, en, published, documentId ${documentId}\\)`));

      // A locale the CMS does not have is an argument error too, found once the CMS is loaded.
      const unknownLocale = await runCli(['--locale', 'fr', MIGRACODE], env);
      expect(unknownLocale.code).toBe(2);
      expect(unknownLocale.stderr).toMatch(/--locale fr is not configured in the CMS \(configured: en\)/);
      expect(unknownLocale.stdout).toBe('');
    } finally {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path.join(CMS_DIR, `${databaseFile}${suffix}`), { force: true });
    }
  }, 180_000);
});
