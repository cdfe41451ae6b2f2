/**
 * A small stand-in for the CMS's public API — a TEMPORARY development aid for tests while the
 * real CMS is being built. Every answer is validated against the contract before it is served,
 * so the fixture cannot drift from what the real CMS must answer. The end-to-end tests do not
 * use it: they take CMS_URL from the lead's harness.
 *
 * Content: locales en (default), cs, ar (rtl); 27 English practices (two list pages), one
 * translated into cs under another slug, one into ar; one answer with hostile Markdown; one
 * unanswered question; a tool in en and cs; the site type in en/cs/ar with some labels.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  apiPaths,
  frameworkResponse,
  localesResponse,
  localeQuery,
  practiceListQuery,
  practiceListResponse,
  practiceResponse,
  siteResponse,
  taxonomyResponse,
  toolListResponse,
  toolResponse,
  type AssessedGroup,
  type ChecklistState,
  type FrameworkGroup,
  type Locale,
  type PracticeDetail,
  type Site,
  type TaxonomyTerm,
  type ToolDetail,
} from 'strapi-plugin-good-practices/contract';
import { queryPractices, toSummary } from '../../src/lib/data/static-query.ts';

const springPath = fileURLToPath(
  new URL('../../../cms/src/plugins/good-practices/server/src/framework/spring-framework.json', import.meta.url),
);

interface SpringFramework {
  groups: { key: string; order: number; title: string; questions: { key: string; order: number; text: string; items: { key: string; order: number; text: string }[] }[] }[];
}

export type FixtureMode = 'ok' | 'down-500' | 'slow' | 'garbage' | 'wrong-shape';

export interface FixtureCms {
  url: string;
  server: Server;
  setMode(mode: FixtureMode): void;
  /** Mutable content, for publish/revalidation tests. */
  content: FixtureContent;
  requests: string[];
  close(): Promise<void>;
}

export interface FixtureContent {
  locales: Locale[];
  sites: Map<string, Site>;
  frameworks: Map<string, FrameworkGroup[]>;
  areas: Map<string, TaxonomyTerm[]>;
  targetGroups: Map<string, TaxonomyTerm[]>;
  practices: PracticeDetail[];
  tools: ToolDetail[];
}

const STATES: ChecklistState[] = ['met', 'met', 'not-met', 'not-assessed'];

export function buildFixtureContent(): FixtureContent {
  const spring = JSON.parse(readFileSync(springPath, 'utf8')) as SpringFramework;
  const framework: FrameworkGroup[] = spring.groups.map((g) => ({
    key: g.key,
    order: g.order,
    title: g.title,
    description: g.key === 'inclusivity' ? 'How the practice reaches **everyone** it is meant for.' : null,
    questions: g.questions.map((q) => ({ key: q.key, order: q.order, text: q.text, items: q.items.map((i) => ({ key: i.key, order: i.order, text: i.text })) })),
  }));
  const csFramework = framework.map((g) => ({ ...g, title: `${g.title} (cs)` }));
  const arFramework = framework.map((g) => ({ ...g, title: `${g.title} (ar)` }));

  const areasEn = [
    { key: 'education', name: 'Education' },
    { key: 'employment', name: 'Employment' },
    { key: 'language', name: 'Language learning' },
  ];
  const groupsEn = [
    { key: 'refugees', name: 'Refugees' },
    { key: 'women', name: 'Women' },
    { key: 'young-people', name: 'Young people' },
  ];
  const areasCs = [
    { key: 'education', name: 'Vzdělávání' },
    { key: 'employment', name: 'Zaměstnání' },
    { key: 'language', name: 'Výuka jazyka' },
  ];

  const tool = (locale: string, slug: string, name: string, practices: { slug: string; title: string }[]): ToolDetail => ({
    documentId: 'tool-naric',
    slug,
    locale,
    name,
    kind: 'portal',
    url: 'https://www.msmt.cz/',
    fileUrl: null,
    description: locale === 'cs' ? 'Portál pro **uznávání** kvalifikací.' : 'A portal for the **recognition** of qualifications.',
    practices,
    locales: [
      { locale: 'en', slug: 'naric-portal' },
      { locale: 'cs', slug: 'portal-naric' },
    ],
  });
  const naricEn = tool('en', 'naric-portal', 'NARIC recognition portal', []);
  const toolSummaryOf = (t: ToolDetail) => ({ documentId: t.documentId, slug: t.slug, locale: t.locale, name: t.name, kind: t.kind, url: t.url, fileUrl: t.fileUrl });

  function practice(options: {
    documentId: string;
    slug: string;
    locale: string;
    title: string;
    country: string | null;
    index: number;
    groups: FrameworkGroup[];
    locales: { locale: string; slug: string }[];
    areas: TaxonomyTerm[];
    targetGroups: TaxonomyTerm[];
    hostile?: boolean;
    allMet?: boolean;
  }): PracticeDetail {
    const assessed: AssessedGroup[] = options.groups.map((g, gi) => {
      const questions = g.questions.map((q, qi) => ({
        key: q.key,
        order: q.order,
        text: q.text,
        answer:
          gi === 1 && qi === 2
            ? null
            : {
                body:
                  options.hostile && gi === 0 && qi === 0
                    ? 'Answer with *emphasis* and a [safe link](https://example.org).\n\n<script>alert("xss")</script>\n\n<img src="x" onerror="alert(1)">\n\n[bad link](javascript:alert(1))\n\n# A heading from the editor'
                    : `The practice answers **${q.key}** in ${options.locale}.`,
                tools: gi === 0 && qi === 0 && options.locale === 'en' && options.index === 0 ? [toolSummaryOf(naricEn)] : [],
              },
        items: q.items.map((item, ii) => ({
          ...item,
          state: options.allMet || gi === 4 ? ('met' as const) : STATES[(ii + qi + gi + options.index) % STATES.length]!,
        })),
      }));
      const states = questions.flatMap((q) => q.items.map((i) => i.state));
      const score = {
        groupKey: g.key,
        met: states.filter((s) => s === 'met').length,
        notMet: states.filter((s) => s === 'not-met').length,
        notAssessed: states.filter((s) => s === 'not-assessed').length,
        total: states.length,
      };
      return { key: g.key, order: g.order, title: g.title, description: g.description, score, questions };
    });
    const day = String((options.index % 27) + 1).padStart(2, '0');
    return {
      documentId: options.documentId,
      slug: options.slug,
      locale: options.locale,
      title: options.title,
      summary: `${options.title}: a summary of the practice.`,
      country: options.country,
      projectStart: `2019-03-${day}`,
      projectEnd: options.index % 3 === 0 ? null : `2023-06-${day}`,
      validationDate: options.index % 4 === 0 ? null : `2024-01-${day}`,
      integrationAreas: options.areas,
      targetGroups: options.targetGroups,
      coverImage: null,
      scores: assessed.map((g) => g.score),
      updatedAt: `2025-05-${day}T10:00:00.000Z`,
      publishedAt: `2025-05-${day}T10:00:00.000Z`,
      validationStatus: 'validated',
      contactDetails: 'Jane Doe\njane@example.org',
      website: 'https://example.org/practice',
      funding: 'AMIF',
      objectives: 'To help people **find work**.',
      inspiration: 'Others can reuse the mentoring model.',
      groups: assessed,
      locales: options.locales,
    };
  }

  const practices: PracticeDetail[] = [];
  const countries = ['NL', 'CZ', 'DE', 'IT', 'GR', 'ES'];
  practices.push(
    practice({
      documentId: 'doc-migracode',
      slug: 'migracode',
      locale: 'en',
      title: 'MigraCode',
      country: 'NL',
      index: 0,
      groups: framework,
      locales: [
        { locale: 'en', slug: 'migracode' },
        { locale: 'ar', slug: 'migracode' },
      ],
      areas: [areasEn[1]!, areasEn[0]!],
      targetGroups: [groupsEn[0]!],
      hostile: true,
    }),
    practice({
      documentId: 'doc-migracode',
      slug: 'migracode',
      locale: 'ar',
      title: 'ميغراكود',
      country: 'NL',
      index: 0,
      groups: arFramework,
      locales: [
        { locale: 'en', slug: 'migracode' },
        { locale: 'ar', slug: 'migracode' },
      ],
      areas: [{ key: 'employment', name: 'التوظيف' }],
      targetGroups: [{ key: 'refugees', name: 'اللاجئون' }],
    }),
    practice({
      documentId: 'doc-portal',
      slug: 'czech-qualification-recognition-portal',
      locale: 'en',
      title: 'Czech qualification recognition portal',
      country: 'CZ',
      index: 1,
      groups: framework,
      locales: [
        { locale: 'en', slug: 'czech-qualification-recognition-portal' },
        { locale: 'cs', slug: 'portal-uznavani-kvalifikaci' },
      ],
      areas: [areasEn[0]!],
      targetGroups: [groupsEn[1]!],
      allMet: true,
    }),
    practice({
      documentId: 'doc-portal',
      slug: 'portal-uznavani-kvalifikaci',
      locale: 'cs',
      title: 'Portál uznávání kvalifikací',
      country: 'CZ',
      index: 1,
      groups: csFramework,
      locales: [
        { locale: 'en', slug: 'czech-qualification-recognition-portal' },
        { locale: 'cs', slug: 'portal-uznavani-kvalifikaci' },
      ],
      areas: [areasCs[0]!],
      targetGroups: [{ key: 'women', name: 'Ženy' }],
      allMet: true,
    }),
  );
  for (let i = 2; i < 27; i++) {
    practices.push(
      practice({
        documentId: `doc-extra-${i}`,
        slug: `practice-${i}`,
        locale: 'en',
        title: `Practice number ${i}`,
        country: countries[i % countries.length]!,
        index: i,
        groups: framework,
        locales: [{ locale: 'en', slug: `practice-${i}` }],
        areas: [areasEn[i % 3]!],
        targetGroups: [groupsEn[i % 3]!],
      }),
    );
  }

  const naricCs = tool('cs', 'portal-naric', 'Portál NARIC', [{ slug: 'portal-uznavani-kvalifikaci', title: 'Portál uznávání kvalifikací' }]);
  naricEn.practices.push({ slug: 'migracode', title: 'MigraCode' });

  const site = (locale: string, siteName: string, labels: Record<string, string>, about: string | null): Site => ({
    locale,
    siteName,
    tagline: locale === 'en' ? 'Good practices of migrant integration, assessed.' : null,
    intro: locale === 'en' ? 'Welcome. This database collects **good practices**.' : `Intro (${locale}).`,
    about,
    partners: locale === 'en' ? 'The partners of the consortium.' : null,
    privacy: locale === 'en' ? 'We collect no personal data.' : null,
    footer: { consortium: 'SPRING consortium', fundingDisclaimer: 'Funded by the European Union.', contactEmail: 'info@example.org', privacyPolicyUrl: null },
    labels,
    updatedAt: '2025-05-01T10:00:00.000Z',
  });

  return {
    locales: [
      { code: 'en', name: 'English (en)', isDefault: true, dir: 'ltr' },
      { code: 'cs', name: 'Czech (cs)', isDefault: false, dir: 'ltr' },
      { code: 'ar', name: 'Arabic (ar)', isDefault: false, dir: 'rtl' },
    ],
    sites: new Map([
      ['en', site('en', 'Good Practice Database', {}, 'About the **database**.')],
      ['cs', site('cs', 'Databáze dobré praxe', { 'nav.practices': 'Dobré praxe', 'state.met': 'Splněno', 'state.not-met': 'Nesplněno', 'state.not-assessed': 'Nehodnoceno', 'fallback.notice': 'Tato stránka zatím není v jazyce {language} k dispozici. Zobrazuje se v jazyce {fallbackLanguage}.' }, null)],
      ['ar', site('ar', 'قاعدة بيانات الممارسات الجيدة', { 'nav.practices': 'الممارسات الجيدة', 'state.met': 'مستوفى' }, 'حول قاعدة البيانات.')],
    ]),
    frameworks: new Map([
      ['en', framework],
      ['cs', csFramework],
      ['ar', arFramework],
    ]),
    areas: new Map([
      ['en', areasEn],
      ['cs', areasCs],
    ]),
    targetGroups: new Map([['en', groupsEn]]),
    practices,
    tools: [naricEn, naricCs],
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function notFound(res: ServerResponse): void {
  send(res, 404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } });
}

function badRequest(res: ServerResponse, message: string): void {
  send(res, 400, { data: null, error: { status: 400, name: 'ValidationError', message } });
}

export async function startFixtureCms(port = 0): Promise<FixtureCms> {
  const content = buildFixtureContent();
  let mode: FixtureMode = 'ok';
  const requests: string[] = [];

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fixture');
    requests.push(`${url.pathname}${url.search}`);
    if (mode === 'down-500') return send(res, 500, { data: null, error: { status: 500, name: 'InternalServerError', message: 'Internal Server Error' } });
    if (mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('<html>not json</html>');
    }
    if (mode === 'wrong-shape') return send(res, 200, { data: [{ nonsense: true }] });
    if (mode === 'slow') return void setTimeout(() => send(res, 200, { data: [] }), 5000);

    const params = Object.fromEntries(url.searchParams);
    const path = url.pathname;
    const localeOf = () => {
      const parsed = localeQuery.safeParse(params);
      return parsed.success ? (parsed.data.locale ?? 'en') : null;
    };

    if (path === apiPaths.locales) return send(res, 200, localesResponse.parse({ data: content.locales }));
    if (path === apiPaths.site) {
      const locale = localeOf();
      if (!locale) return badRequest(res, 'bad query');
      const site = content.sites.get(locale);
      return site ? send(res, 200, siteResponse.parse({ data: site })) : notFound(res);
    }
    if (path === apiPaths.framework) {
      const locale = localeOf();
      if (!locale) return badRequest(res, 'bad query');
      const groups = content.frameworks.get(locale);
      return groups ? send(res, 200, frameworkResponse.parse({ data: { locale, groups } })) : notFound(res);
    }
    if (path === apiPaths.integrationAreas || path === apiPaths.targetGroups) {
      const locale = localeOf();
      if (!locale) return badRequest(res, 'bad query');
      const terms = (path === apiPaths.integrationAreas ? content.areas : content.targetGroups).get(locale);
      return terms ? send(res, 200, taxonomyResponse.parse({ data: terms })) : notFound(res);
    }
    if (path === apiPaths.practices) {
      const query = practiceListQuery.safeParse(params);
      if (!query.success) return badRequest(res, query.error.message);
      const locale = query.data.locale ?? 'en';
      const framework = content.frameworks.get('en') ?? [];
      if (query.data.groupMet && !framework.some((g) => g.key === query.data.groupMet)) return badRequest(res, 'unknown criteria group');
      if (query.data.itemMet && !framework.some((g) => g.questions.some((q) => q.items.some((i) => i.key === query.data.itemMet)))) {
        return badRequest(res, 'unknown checklist item');
      }
      const result = queryPractices(content.practices.filter((p) => p.locale === locale), query.data, locale);
      return send(res, 200, practiceListResponse.parse({ ...result, data: result.data.map(toSummary) }));
    }
    if (path.startsWith(`${apiPaths.practices}/`)) {
      const locale = localeOf();
      if (!locale) return badRequest(res, 'bad query');
      const slug = decodeURIComponent(path.slice(apiPaths.practices.length + 1));
      const found = content.practices.find((p) => p.slug === slug && p.locale === locale);
      return found ? send(res, 200, practiceResponse.parse({ data: found })) : notFound(res);
    }
    if (path === apiPaths.tools) {
      const locale = localeOf();
      if (!locale) return badRequest(res, 'bad query');
      const list = content.tools.filter((t) => t.locale === locale).map(({ description: _d, practices: _p, locales: _l, ...summary }) => summary);
      return send(res, 200, toolListResponse.parse({ data: list }));
    }
    if (path.startsWith(`${apiPaths.tools}/`)) {
      const locale = localeOf();
      if (!locale) return badRequest(res, 'bad query');
      const slug = decodeURIComponent(path.slice(apiPaths.tools.length + 1));
      const found = content.tools.find((t) => t.slug === slug && t.locale === locale);
      return found ? send(res, 200, toolResponse.parse({ data: found })) : notFound(res);
    }
    notFound(res);
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      send(res, 500, { data: null, error: { status: 500, name: 'FixtureError', message: String(error) } });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    server,
    content,
    requests,
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

