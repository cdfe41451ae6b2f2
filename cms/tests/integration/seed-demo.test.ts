/**
 * The demo content of `npm start`: cms/scripts/seed-demo.ts run as `npm start` runs it (a child
 * process on a database that does not exist yet), then the public API read over HTTP. SQLite,
 * and PostgreSQL too when TEST_DATABASE_URL is set (one vitest project each).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMS_DIR, defaultDatabase, startStrapi, testSecrets, type DatabaseKind, type RunningStrapi } from '../harness/strapi.ts';

const require = createRequire(import.meta.url);
// The database of this file's vitest project: SQLite, and PostgreSQL in the postgres project.
const databases: DatabaseKind[] = [defaultDatabase()];

function runSeed(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(CMS_DIR, 'scripts', 'seed-demo.ts')], {
      cwd: CMS_DIR,
      env: { ...process.env, ...testSecrets(), NODE_ENV: 'production', NODE_NO_WARNINGS: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function postgres(sql: string): Promise<void> {
  const { Client } = require('pg') as { Client: new (options: { connectionString?: string }) => { connect(): Promise<void>; query(sql: string): Promise<unknown>; end(): Promise<void> } };
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Body {
  data?: Record<string, unknown> & { [key: string]: unknown };
  [key: string]: unknown;
}

describe.each(databases)('demo content on %s', (database) => {
  let app: RunningStrapi | undefined;
  let seedOutput = '';
  const get = async (apiPath: string): Promise<{ status: number; body: Body }> => {
    const response = await fetch(`${app?.url}${apiPath}`);
    return { status: response.status, body: (await response.json()) as Body };
  };

  beforeAll(async () => {
    const name = `gp_seed_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    let env: Record<string, string>;
    let databaseName: string;
    if (database === 'postgres') {
      await postgres(`CREATE DATABASE "${name}"`);
      const url = new URL(process.env.TEST_DATABASE_URL ?? '');
      url.pathname = `/${name}`;
      env = { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() };
      databaseName = name;
    } else {
      databaseName = path.join('.tmp', `${name}.db`);
      env = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: databaseName, DATABASE_URL: '' };
    }
    const seed = await runSeed(env);
    seedOutput = seed.output;
    expect(seed.code, seed.output).toBe(0);
    app = await startStrapi({ database, databaseName });
    // Strapi mounts its routers in listen(); the harness listens on the raw server.
    if (!app.strapi.server.listRoutes().some((layer) => String(layer.path).startsWith('/api/good-practices'))) app.strapi.server.mount();
    app.strapi.log.level = 'warn';
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('says what it created', () => {
    expect(seedOutput).toContain('locales: en (default), ar, cs, es');
    expect(seedOutput).toMatch(/framework in cs: 5 groups, 12 questions, 40 checklist items/);
    expect(seedOutput).toMatch(/practice “migracode” translated into es/);
    expect(seedOutput).toMatch(/practice “portal-for-the-recognition-of-foreign-qualifications” translated into es/);
  });

  it('configures en (default), cs, es and ar, Arabic right to left', async () => {
    const { body } = await get('/api/good-practices/locales');
    const locales = body.data as unknown as { code: string; isDefault: boolean; dir: string }[];
    expect(locales.map((locale) => locale.code).sort()).toEqual(['ar', 'cs', 'en', 'es']);
    expect(locales.find((locale) => locale.isDefault)?.code).toBe('en');
    expect(locales.find((locale) => locale.code === 'ar')?.dir).toBe('rtl');
  });

  it('publishes both practices in English with summary, country and taxonomy terms', async () => {
    const { body } = await get('/api/good-practices/practices?locale=en&sort=title:asc');
    const practices = body.data as unknown as { slug: string; summary: string | null; country: string | null; integrationAreas: { key: string }[]; targetGroups: { key: string }[] }[];
    expect(practices.map((practice) => [practice.slug, practice.country])).toEqual([
      ['migracode', 'ES'],
      ['portal-for-the-recognition-of-foreign-qualifications', 'CZ'],
    ]);
    const [migracode, portal] = practices;
    expect(migracode.integrationAreas.map((term) => term.key)).toEqual(['employment', 'digital-skills', 'education-and-training']);
    expect(migracode.targetGroups.map((term) => term.key)).toEqual(['migrants', 'refugees', 'asylum-seekers', 'women']);
    expect(portal.integrationAreas.map((term) => term.key)).toEqual(['recognition-of-qualifications', 'employment']);
    expect(portal.targetGroups.map((term) => term.key)).toEqual(['migrants', 'professionals']);
    for (const practice of practices) expect(practice.summary).toEqual(expect.stringMatching(/\S/));
  });

  it('serves MigraCode in Spanish, with the Spanish framework and terms', async () => {
    const { status, body } = await get('/api/good-practices/practices/migracode?locale=es');
    expect(status).toBe(200);
    const practice = body.data as unknown as {
      locale: string;
      summary: string;
      integrationAreas: { name: string }[];
      groups: { title: string; questions: { text: string; answer: { body: string } | null }[] }[];
      locales: { locale: string }[];
    };
    expect(practice.locale).toBe('es');
    expect(practice.summary).toMatch(/enseña programación/);
    expect(practice.integrationAreas.map((term) => term.name)).toContain('Empleo');
    expect(practice.groups[0].title).toBe('Inclusión y participación');
    expect(practice.groups[0].questions[0].answer?.body).toMatch(/^Los servicios de la práctica son accesibles/);
    expect(practice.locales.map((version) => version.locale).sort()).toEqual(['en', 'es']);
  });

  it('serves the Czech portal in Spanish under a Spanish slug of its own', async () => {
    const { status, body } = await get('/api/good-practices/practices/portal-para-el-reconocimiento-de-cualificaciones-extranjeras?locale=es');
    expect(status).toBe(200);
    const practice = body.data as unknown as { locale: string; title: string; locales: { locale: string; slug: string }[] };
    expect(practice.locale).toBe('es');
    expect(practice.title).toBe('Portal para el reconocimiento de cualificaciones extranjeras');
    expect(practice.locales.map((version) => `${version.locale} ${version.slug}`).sort()).toEqual([
      'en portal-for-the-recognition-of-foreign-qualifications',
      'es portal-para-el-reconocimiento-de-cualificaciones-extranjeras',
    ]);
  });

  it('translates no practice into Czech nor Arabic: Czech lists both in English (locale fallback)', async () => {
    expect((await get('/api/good-practices/practices/portal-for-the-recognition-of-foreign-qualifications?locale=ar')).status).toBe(404);
    const { body } = await get('/api/good-practices/practices?locale=cs&sort=title:asc');
    const listed = body.data as unknown as { slug: string; locale: string }[];
    expect(listed.map((practice) => [practice.locale, practice.slug])).toEqual([
      ['en', 'migracode'],
      ['en', 'portal-for-the-recognition-of-foreign-qualifications'],
    ]);
  });

  it('has the site texts and labels in every locale', async () => {
    for (const [code, siteName] of [
      ['en', 'Good practices for migrant integration'],
      ['cs', 'Dobrá praxe v integraci migrantů'],
      ['es', 'Buenas prácticas para la integración de las personas migrantes'],
      ['ar', 'الممارسات الجيدة في مجال اندماج المهاجرين'],
    ] as const) {
      const { status, body } = await get(`/api/good-practices/site?locale=${code}`);
      expect(status).toBe(200);
      const site = body.data as unknown as { siteName: string; about: string | null; labels: Record<string, string>; footer: { privacyPolicyUrl: string } };
      expect(site.siteName).toBe(siteName);
      expect(site.about).toEqual(expect.stringMatching(/\S/));
      expect(site.footer.privacyPolicyUrl).toBe(`/${code}/privacy`);
      if (code !== 'en') expect(Object.keys(site.labels).length).toBeGreaterThan(100);
    }
  });

  it('translates the framework into Czech and Arabic', async () => {
    const cs = (await get('/api/good-practices/framework?locale=cs')).body.data as unknown as { groups: { title: string; questions: { items: { text: string }[] }[] }[] };
    expect(cs.groups.map((group) => group.title)).toEqual(['Inkluzivita a participace', 'Relevance a komplementarita', 'Účinnost', 'Udržitelnost', 'Partnerství a spolupráce']);
    const ar = (await get('/api/good-practices/framework?locale=ar')).body.data as unknown as typeof cs;
    const arabicItems = ar.groups.flatMap((group) => group.questions.flatMap((question) => question.items));
    expect(arabicItems).toHaveLength(40);
    for (const item of arabicItems) expect(item.text).toMatch(/[\u0600-\u06FF]/);
  });

  it('publishes the tools the Czech portal cites', async () => {
    const { body } = await get('/api/good-practices/tools?locale=en');
    expect((body.data as unknown as { kind: string }[]).map((tool) => tool.kind).sort()).toEqual(['case-study', 'portal', 'portal', 'recommendation']);
  });
});
