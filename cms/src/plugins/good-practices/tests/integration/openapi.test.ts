/**
 * The OpenAPI 3.1 description at /api/good-practices/openapi.json is generated from the contract
 * and tells the truth: it describes every public path of the contract's `apiPaths`, and real
 * answers of every path (200s, and the 400/404 error envelopes) validate against the schemas it
 * names for that path and status, with a JSON Schema 2020-12 validator (ajv), not with zod.
 * Also: the site texts carry the data licence, CC BY 4.0 unless the editors set another.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, DEFAULT_DATA_LICENCE, siteResponse } from '../../contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, createTool, documents, SITE } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

interface Operation {
  parameters: { name: string; in: string; required: boolean }[];
  responses: Record<string, { content: { 'application/json': { schema: { $ref: string } } } }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, object> };
}

let app: RunningStrapi;
let document: OpenApiDocument;
const validators = new Map<string, ValidateFunction>();

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  await ensureLocales(strapi, ['ar']);
  const tool = await createTool(strapi, { name: 'Described tool', slug: 'described-tool', url: 'https://example.org/tool' });
  await createPractice(strapi, {
    title: 'Described practice',
    slug: 'described-practice',
    answers: [{ questionKey: 'inclusivity.accessible-services', body: 'An answer.', tools: [tool.documentId] }],
  });
  const response = await fetch(`${app.url}${apiPaths.openapi}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  document = (await response.json()) as OpenApiDocument;
  // Strict ajv: a keyword that JSON Schema 2020-12 does not define would fail the compilation.
  // Formats (uri) are not checked: ajv knows none without the ajv-formats package.
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
  for (const [name, schema] of Object.entries(document.components.schemas)) validators.set(`#/components/schemas/${name}`, ajv.compile(schema));
});

afterAll(async () => {
  await app?.stop();
});

/** Fetches a real answer and validates it against the description of that path and status. */
async function expectDescribed(path: string, template: string, query = ''): Promise<{ status: number; body: unknown }> {
  const operation = document.paths[template]?.get;
  if (!operation) throw new Error(`${template} is not described`);
  const { status, body } = await getJson(`${app.url}${path}${query}`);
  const described = operation.responses[String(status)];
  if (!described) throw new Error(`${template} answered ${status}, which the description does not list`);
  const validate = validators.get(described.content['application/json'].schema.$ref)!;
  if (!validate(body)) throw new Error(`${path}${query} (${status}) does not match its description: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  return { status, body };
}

describe('the OpenAPI description of the public API', () => {
  it('is OpenAPI 3.1 and describes exactly the contract’s public paths', () => {
    expect(document.openapi).toBe('3.1.0');
    const contractPaths = Object.entries(apiPaths)
      .filter(([name]) => name !== 'openapi')
      .map(([, value]) => (typeof value === 'function' ? value('{slug}') : value))
      .map((path) => path.replace('%7Bslug%7D', '{slug}'))
      .sort();
    expect(Object.keys(document.paths).sort()).toEqual(contractPaths);
  });

  it('describes the query parameters the controllers accept', () => {
    const names = (template: string) => document.paths[template]!.get.parameters.map((p) => `${p.in}:${p.name}${p.required ? '!' : ''}`);
    expect(names(apiPaths.practices)).toEqual(['query:locale', 'query:page', 'query:pageSize', 'query:sort', 'query:q', 'query:country', 'query:area', 'query:targetGroup', 'query:groupMet', 'query:itemMet']);
    expect(names(apiPaths.practice('{slug}').replace('%7Bslug%7D', '{slug}'))).toEqual(['path:slug!', 'query:locale']);
    expect(names(apiPaths.locales)).toEqual([]);
  });

  it('matches real answers of every path, in the default and another locale', async () => {
    const practice = apiPaths.practice('{slug}').replace('%7Bslug%7D', '{slug}');
    const tool = apiPaths.tool('{slug}').replace('%7Bslug%7D', '{slug}');
    const listed: [string, string][] = [
      [apiPaths.locales, apiPaths.locales],
      [apiPaths.practices, apiPaths.practices],
      [apiPaths.practice('described-practice'), practice],
      [apiPaths.practiceDetails, apiPaths.practiceDetails],
      [apiPaths.practiceVersions, apiPaths.practiceVersions],
      [apiPaths.framework, apiPaths.framework],
      [apiPaths.tools, apiPaths.tools],
      [apiPaths.tool('described-tool'), tool],
      [apiPaths.toolDetails, apiPaths.toolDetails],
      [apiPaths.integrationAreas, apiPaths.integrationAreas],
      [apiPaths.targetGroups, apiPaths.targetGroups],
      [apiPaths.site, apiPaths.site],
      [apiPaths.itemSuggestions, apiPaths.itemSuggestions],
      [apiPaths.insights, apiPaths.insights],
    ];
    expect(listed.map(([, template]) => template).sort()).toEqual(Object.keys(document.paths).sort());
    for (const [path, template] of listed) {
      expect((await expectDescribed(path, template)).status, path).toBe(200);
      // Arabic has no translation of anything: the lists fall back, the single entries are 404s; all described.
      if (template !== apiPaths.locales) expect([200, 404], path).toContain((await expectDescribed(path, template, '?locale=ar')).status);
    }
    const list = (await expectDescribed(apiPaths.practices, apiPaths.practices, '?q=described&pageSize=1&sort=title:asc')).body as { data: unknown[] };
    expect(list.data).toHaveLength(1);
  });

  it('matches the error answers: unknown or invalid parameters (400) and unknown slugs (404)', async () => {
    const practice = apiPaths.practice('{slug}').replace('%7Bslug%7D', '{slug}');
    expect((await expectDescribed(apiPaths.practices, apiPaths.practices, '?pageSize=1000')).status).toBe(400);
    expect((await expectDescribed(apiPaths.practices, apiPaths.practices, '?colour=red')).status).toBe(400);
    expect((await expectDescribed(apiPaths.framework, apiPaths.framework, '?locale=xx')).status).toBe(400);
    expect((await expectDescribed(apiPaths.locales, apiPaths.locales, '?locale=en')).status).toBe(400);
    expect((await expectDescribed(apiPaths.practice('no-such-practice'), practice)).status).toBe(404);
  });
});

describe('the data licence of the site texts', () => {
  it('is CC BY 4.0 by default, and what the editors publish otherwise', async () => {
    const before = siteResponse.parse((await getJson(`${app.url}${apiPaths.site}`)).body);
    expect(before.data.dataLicence).toEqual(DEFAULT_DATA_LICENCE);
    const site = await documents(app.strapi, SITE).findFirst({ locale: 'en', status: 'published' });
    await documents(app.strapi, SITE).update({
      documentId: site!.documentId,
      locale: 'en',
      data: { dataLicence: 'CC0 1.0', dataLicenceUrl: 'https://creativecommons.org/publicdomain/zero/1.0/' },
    });
    // A draft: unchanged for the public.
    expect(siteResponse.parse((await getJson(`${app.url}${apiPaths.site}`)).body).data.dataLicence).toEqual(DEFAULT_DATA_LICENCE);
    await documents(app.strapi, SITE).publish({ documentId: site!.documentId, locale: 'en' });
    expect(siteResponse.parse((await getJson(`${app.url}${apiPaths.site}`)).body).data.dataLicence).toEqual({
      name: 'CC0 1.0',
      url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    });
  });

  it('refuses a licence link that is not a web address', async () => {
    const site = await documents(app.strapi, SITE).findFirst({ locale: 'en', status: 'published' });
    await expect(
      documents(app.strapi, SITE).update({ documentId: site!.documentId, locale: 'en', data: { dataLicenceUrl: 'javascript:alert(1)' } }),
    ).rejects.toThrow(/data licence link/);
  });
});
