/**
 * How long an XLIFF upload of a large translation takes, and whether the CMS keeps answering
 * meanwhile (issue 12, item 5; the figures measured with it are in bench/README.md).
 *
 *   node bench/xliff-import.ts [--practices 150] [--labels 0] [--database-name NAME] [--keep]
 *
 * Boots the compiled CMS in-process on SQLite (cms/tests/harness/strapi.ts), generates N
 * practices in en + cs with bench/generate.ts (or reuses a database kept with --keep), gives the
 * site N extra interface labels in both locales when --labels is set (many short units: the
 * shape on which planning work quadratic in the number of units would show), exports
 * the Czech XLIFF of every practice, tool, framework entry, taxonomy term and the site texts,
 * and uploads it through the admin route twice: as exported (every unit unchanged: planning
 * only) and with every practice title translated anew (planning + one write per practice).
 * During each upload it asks GET /_health every 50 ms and samples the event loop's delay.
 * Prints the figures; asserts nothing.
 */
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import { createAdminUser, SUPER_ADMIN_ROLE_CODE } from '../cms/tests/harness/admin-users.ts';
import { generate } from './generate.ts';

interface Args {
  practices: number;
  labels: number;
  databaseName?: string;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { practices: 150, labels: 0, keep: false };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    if (flag === '--practices') args.practices = Number(argv[++index]);
    else if (flag === '--labels') args.labels = Number(argv[++index]);
    else if (flag === '--database-name') args.databaseName = argv[++index];
    else if (flag === '--keep') args.keep = true;
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!Number.isInteger(args.practices) || args.practices < 1) throw new Error('--practices takes a positive integer');
  if (!Number.isInteger(args.labels) || args.labels < 0) throw new Error('--labels takes an integer ≥ 0');
  return args;
}

async function adminHeaders(strapi: Core.Strapi, url: string): Promise<Record<string, string>> {
  const { email, password } = await createAdminUser(strapi, SUPER_ADMIN_ROLE_CODE, { firstname: 'Bench', lastname: 'Xliff' });
  const response = await fetch(`${url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const body = (await response.json()) as { data?: { token?: string } };
  if (!body.data?.token) throw new Error(`admin login failed: ${response.status}`);
  return { authorization: `Bearer ${body.data.token}` };
}

interface SiteDocuments {
  findFirst(params: Record<string, unknown>): Promise<{ documentId: string; labels?: unknown } | null>;
  update(params: Record<string, unknown>): Promise<unknown>;
}

/** N more interface labels (bench.label.<i>) in en and cs, written once through the Document Service. */
async function addLabels(strapi: Core.Strapi, count: number): Promise<void> {
  const site = strapi.documents('plugin::good-practices.site' as never) as unknown as SiteDocuments;
  for (const [locale, words] of [['en', 'Interface label number'], ['cs', 'Popisek rozhraní číslo']] as const) {
    const current = await site.findFirst({ locale });
    const documentId = current?.documentId ?? (await site.findFirst({ locale: 'en' }))?.documentId;
    const labels: Record<string, unknown> = { ...((current?.labels as Record<string, unknown> | undefined) ?? {}) };
    for (let index = 0; index < count; index += 1) labels[`bench.label.${index}`] = `${words} ${index}, shown beside the search form`;
    await site.update({ documentId, locale, data: { labels } });
  }
  process.stdout.write(`✓ ${count} site labels in en and cs\n`);
}

interface UploadFigures {
  seconds: number;
  status: number;
  summary: string;
  healthAnswered: number;
  healthWorstMs: number;
  loopMaxMs: number;
  loopP99Ms: number;
}

async function timedUpload(url: string, headers: Record<string, string>, xml: string): Promise<UploadFigures> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let done = false;
  let healthAnswered = 0;
  let healthWorstMs = 0;
  const pinger = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(`${url}/_health`).catch(() => undefined);
      await response?.arrayBuffer();
      if (done) break;
      if (response?.ok) healthAnswered += 1;
      healthWorstMs = Math.max(healthWorstMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  loop.enable();
  const started = performance.now();
  const response = await fetch(`${url}/good-practices/xliff/import`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-xliff+xml', accept: 'application/json' },
    body: xml,
  });
  const text = await response.text();
  const seconds = (performance.now() - started) / 1000;
  done = true;
  loop.disable();
  await pinger;
  let summary = text.slice(0, 200);
  try {
    const data = (JSON.parse(text) as { data?: { units: number; written: unknown[]; unchanged: number; skipped: number } }).data;
    if (data) summary = `${data.units} units: ${data.written.length} written, ${data.unchanged} unchanged, ${data.skipped} skipped`;
  } catch {
    // not JSON: the start of the text stands
  }
  return { seconds, status: response.status, summary, healthAnswered, healthWorstMs, loopMaxMs: loop.max / 1e6, loopP99Ms: loop.percentile(99) / 1e6 };
}

function print(label: string, bytes: number, figures: UploadFigures): void {
  process.stdout.write(
    `${label}: ${(bytes / 1024 / 1024).toFixed(2)} MB, HTTP ${figures.status} in ${figures.seconds.toFixed(2)} s (${figures.summary}); ` +
      `/_health answered ${figures.healthAnswered}× during the upload, slowest ${figures.healthWorstMs.toFixed(0)} ms; ` +
      `event-loop delay max ${figures.loopMaxMs.toFixed(0)} ms, p99 ${figures.loopP99Ms.toFixed(0)} ms\n`,
  );
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const { startStrapi, CMS_DIR } = await import('../cms/tests/harness/strapi.ts');
  const app = await startStrapi({ database: 'sqlite', databaseName: args.databaseName, keepDatabase: args.keep || args.databaseName !== undefined });
  app.strapi.log.level = 'warn';
  try {
    if (!args.databaseName) {
      process.stdout.write(`▸ Generating ${args.practices} practices in 2 locales…\n`);
      const generated = await generate(app.strapi, { practices: args.practices, locales: 2 });
      process.stdout.write(`✓ generated in ${generated.totalSeconds.toFixed(1)} s\n`);
    }
    if (args.labels > 0) await addLabels(app.strapi, args.labels);
    const translation = app.strapi.plugin('good-practices').service('translation') as {
      exportXliff(request: { locale: string; areas: string[] }): Promise<{ xml: string; units: number }>;
    };
    const { xml, units } = await translation.exportXliff({ locale: 'cs', areas: ['practices', 'tools', 'framework', 'taxonomies', 'site'] });
    process.stdout.write(`▸ exported ${units} units, ${Buffer.byteLength(xml)} bytes\n`);
    const headers = await adminHeaders(app.strapi, app.url);

    print('as exported (planning only)', Buffer.byteLength(xml), await timedUpload(app.url, headers, xml));

    const retitled = xml.replace(/(<trans-unit id="practice\/[^/"]+\/title"[^>]*>\s*<source>[^<]*<\/source>\s*<target>)([^<]*)(<\/target>)/g, (_all, open: string, target: string, close: string) => `${open}${target} (rev. ${Date.now()})${close}`);
    print('every practice title changed (plan + writes)', Buffer.byteLength(retitled), await timedUpload(app.url, headers, retitled));
  } finally {
    await app.stop();
  }
  if (args.keep && !args.databaseName) process.stdout.write(`Kept the database: ${path.relative(CMS_DIR, app.databaseName)} (--database-name to reuse it)\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
