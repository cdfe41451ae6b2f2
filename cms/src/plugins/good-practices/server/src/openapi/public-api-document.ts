/**
 * The OpenAPI 3.1 description of the public read API (`GET /api/good-practices/openapi.json`),
 * generated from the contract's zod schemas with zod 4's own JSON Schema conversion
 * (`z.toJSONSchema`, draft 2020-12, which OpenAPI 3.1 uses as its schema dialect). Nothing here
 * restates a field: a change to the contract changes the description, and the integration test
 * validates real answers of every path against it.
 */
import { z } from 'zod';
import {
  detailPageQuery,
  errorResponse,
  frameworkResponse,
  insightsQuery,
  insightsResponse,
  itemSuggestionsResponse,
  localeQuery,
  localesResponse,
  practiceDetailListResponse,
  practiceVersionsResponse,
  practiceListQuery,
  practiceListResponse,
  practiceResponse,
  siteResponse,
  slug,
  taxonomyResponse,
  toolDetailListResponse,
  toolListResponse,
  toolResponse,
} from '../../../contract';

type JsonSchema = Record<string, unknown>;

/** A schema as JSON Schema 2020-12, without its `$schema` (the document declares the dialect once). */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'throw' }) as JsonSchema;
  return rest;
}

/** Response bodies, by the component name they are described under. */
const responseSchemas = {
  LocalesResponse: localesResponse,
  PracticeListResponse: practiceListResponse,
  PracticeResponse: practiceResponse,
  PracticeDetailListResponse: practiceDetailListResponse,
  PracticeVersionsResponse: practiceVersionsResponse,
  FrameworkResponse: frameworkResponse,
  ToolListResponse: toolListResponse,
  ToolResponse: toolResponse,
  ToolDetailListResponse: toolDetailListResponse,
  TaxonomyResponse: taxonomyResponse,
  SiteResponse: siteResponse,
  ItemSuggestionsResponse: itemSuggestionsResponse,
  InsightsResponse: insightsResponse,
  ErrorResponse: errorResponse,
} as const;
type ResponseName = keyof typeof responseSchemas;

const noQuery = z.object({}).strict();

/**
 * The query parameters of a strict query schema, one per key: its JSON Schema as the controller
 * reads the value after parsing (`output`: coerced numbers are numbers), required when the schema
 * refuses a missing value (no default, not optional).
 */
function queryParameters(query: z.ZodObject): JsonSchema[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = field as z.ZodType;
    const described = jsonSchemaOf(schema, 'output');
    return {
      name,
      in: 'query',
      required: !schema.safeParse(undefined).success,
      ...(typeof described.description === 'string' ? { description: described.description } : {}),
      schema: described,
    };
  });
}

const slugParameter = { name: 'slug', in: 'path', required: true, schema: jsonSchemaOf(slug, 'output') };

const ref = (name: ResponseName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: ResponseName, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });

interface Operation {
  path: string;
  summary: string;
  query: z.ZodObject;
  bySlug?: boolean;
  /** When the path answers 404: why. */
  notFound?: string;
  response: ResponseName;
}

/** Every public path: the contract's `apiPaths`, with the query schema each controller parses. */
const operations: Operation[] = [
  { path: '/locales', summary: 'The configured locales, with their fallback chains.', query: noQuery, response: 'LocalesResponse' },
  { path: '/practices', summary: 'One page of the published practices of a locale, filtered and sorted.', query: practiceListQuery, response: 'PracticeListResponse' },
  { path: '/practices/{slug}', summary: 'One published practice by slug, with its answers and checklist states.', query: localeQuery, bySlug: true, notFound: 'No practice is published under this slug in this locale.', response: 'PracticeResponse' },
  { path: '/practice-details', summary: 'Every published practice detail of a locale, page by page (bulk read).', query: detailPageQuery, response: 'PracticeDetailListResponse' },
  { path: '/practice-versions', summary: 'Every published practice of a locale’s lists: the version shown and a digest of its summary (for copies that read again only what changed).', query: localeQuery, response: 'PracticeVersionsResponse' },
  { path: '/framework', summary: 'The criteria framework of a locale.', query: localeQuery, response: 'FrameworkResponse' },
  { path: '/tools', summary: 'The published inspiring tools of a locale.', query: localeQuery, response: 'ToolListResponse' },
  { path: '/tools/{slug}', summary: 'One published inspiring tool by slug.', query: localeQuery, bySlug: true, notFound: 'No tool is published under this slug in this locale.', response: 'ToolResponse' },
  { path: '/tool-details', summary: 'Every published tool detail of a locale, page by page (bulk read).', query: detailPageQuery, response: 'ToolDetailListResponse' },
  { path: '/integration-areas', summary: 'The integration areas, named in a locale.', query: localeQuery, response: 'TaxonomyResponse' },
  { path: '/target-groups', summary: 'The target groups, named in a locale.', query: localeQuery, response: 'TaxonomyResponse' },
  { path: '/item-suggestions', summary: 'Per checklist item, up to five published practices that meet it, best in the item’s group first, with the tools they cite (the self-assessment report).', query: localeQuery, response: 'ItemSuggestionsResponse' },
  { path: '/insights', summary: 'Per checklist item, criteria group and overall, how many published practices meet it, narrowed by country and integration area.', query: insightsQuery, response: 'InsightsResponse' },
  { path: '/site', summary: 'The published site texts of a locale (labels, pages, footer, data licence).', query: localeQuery, notFound: 'The site texts are not published in this locale (the site falls back to another).', response: 'SiteResponse' },
];

/** Where the API's paths live, relative to the server URL (the contract's `apiPaths` share it). */
export const PUBLIC_API_BASE = '/api/good-practices';

function buildDocument(): JsonSchema {
  const paths: Record<string, unknown> = {};
  for (const operation of operations) {
    const responses: Record<string, unknown> = {
      200: json(operation.response, 'OK'),
      400: json('ErrorResponse', 'A query parameter is unknown or invalid (e.g. a locale that is not configured).'),
    };
    if (operation.notFound) responses[404] = json('ErrorResponse', operation.notFound);
    paths[`${PUBLIC_API_BASE}${operation.path}`] = {
      get: {
        operationId: operation.path.replace(/[{}]/g, '').split(/[/-]/).filter(Boolean).map((part, i) => (i === 0 ? part : part[0]!.toUpperCase() + part.slice(1))).join('') + (operation.bySlug ? 'BySlug' : ''),
        summary: operation.summary,
        parameters: [...(operation.bySlug ? [slugParameter] : []), ...queryParameters(operation.query)],
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Good practices for migrant integration: public API',
      version: '1',
      description:
        'Read-only, published content only, no authentication. Generated from the zod schemas of the plugin contract (strapi-plugin-good-practices/contract).',
    },
    paths,
    components: { schemas: Object.fromEntries(Object.entries(responseSchemas).map(([name, schema]) => [name, jsonSchemaOf(schema, 'output')])) },
  };
}

let document: string | undefined;

/** The description as JSON text, generated once per process (the contract does not change at run time). */
export function publicApiDocument(): string {
  document ??= JSON.stringify(buildDocument());
  return document;
}
