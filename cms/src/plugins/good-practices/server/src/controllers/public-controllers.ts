/**
 * Thin controllers of the public read API: validate the query with the contract, resolve the
 * locale, call a service, return the contract's response shape. Nothing else happens here.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import {
  detailPageQuery,
  insightsQuery,
  type FrameworkResponse,
  localeQuery,
  type LocalesResponse,
  practiceListQuery,
  type PracticeResponse,
  type SiteResponse,
  slug as slugSchema,
  type TaxonomyResponse,
  type ToolListResponse,
  type ToolResponse,
} from '../../../contract';
import { mapFramework } from '../mappers/framework';
import { publicApiDocument } from '../openapi/public-api-document';
import { getService } from '../services/service-access';
import { parseQuery } from './query-validation';

/** /locales takes no parameter at all. */
const noQuery = z.object({}).strict();

/** A path slug that cannot exist is answered like one that does not: 404. */
function pathSlug(value: unknown, kind: string): string {
  const parsed = slugSchema.safeParse(value);
  if (!parsed.success) throw new errors.NotFoundError(`There is no published ${kind} “${String(value)}”.`);
  return parsed.data;
}

export function createPublicControllers({ strapi }: { strapi: Core.Strapi }) {
  const localeOf = async (query: unknown) => getService(strapi, 'locale').resolve(parseQuery(localeQuery, query).locale);

  return {
    async locales(ctx) {
      parseQuery(noQuery, ctx.query);
      const body: LocalesResponse = { data: await getService(strapi, 'locale').list() };
      ctx.body = body;
    },

    async practices(ctx) {
      const query = parseQuery(practiceListQuery, ctx.query);
      const context = await getService(strapi, 'locale').resolve(query.locale);
      // Sent as the bytes the service keeps (the type first: koa types a Buffer body as binary).
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = await getService(strapi, 'practice').listJson(query, context);
    },

    async insights(ctx) {
      const query = parseQuery(insightsQuery, ctx.query);
      const context = await getService(strapi, 'locale').resolve(query.locale);
      // Sent as the bytes the service keeps (the type first: koa types a Buffer body as binary).
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = await getService(strapi, 'insights').insightsJson(query, context);
    },

    async practice(ctx) {
      const context = await localeOf(ctx.query);
      const body: PracticeResponse = { data: await getService(strapi, 'practice').findBySlug(pathSlug(ctx.params.slug, 'practice'), context) };
      ctx.body = body;
    },

    async practiceDetails(ctx) {
      const query = parseQuery(detailPageQuery, ctx.query);
      const context = await getService(strapi, 'locale').resolve(query.locale);
      ctx.body = await getService(strapi, 'practice').detailPage(query, context);
    },

    async practiceVersions(ctx) {
      const context = await localeOf(ctx.query);
      // Sent as the bytes the service keeps (the type first: koa types a Buffer body as binary).
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = await getService(strapi, 'practice').versionsJson(context);
    },

    async toolDetails(ctx) {
      const query = parseQuery(detailPageQuery, ctx.query);
      const context = await getService(strapi, 'locale').resolve(query.locale);
      ctx.body = await getService(strapi, 'tool').detailPage(query, context);
    },

    async itemSuggestions(ctx) {
      ctx.body = await getService(strapi, 'practice').suggestions(await localeOf(ctx.query));
    },

    async framework(ctx) {
      const context = await localeOf(ctx.query);
      const tree = await getService(strapi, 'framework').tree(context);
      const body: FrameworkResponse = { data: { locale: context.locale, groups: mapFramework(tree) } };
      ctx.body = body;
    },

    async tools(ctx) {
      const context = await localeOf(ctx.query);
      const body: ToolListResponse = { data: await getService(strapi, 'tool').list(context) };
      ctx.body = body;
    },

    async tool(ctx) {
      const context = await localeOf(ctx.query);
      const body: ToolResponse = { data: await getService(strapi, 'tool').findBySlug(pathSlug(ctx.params.slug, 'tool'), context) };
      ctx.body = body;
    },

    async integrationAreas(ctx) {
      const context = await localeOf(ctx.query);
      const body: TaxonomyResponse = { data: await getService(strapi, 'taxonomy').integrationAreas(context) };
      ctx.body = body;
    },

    async targetGroups(ctx) {
      const context = await localeOf(ctx.query);
      const body: TaxonomyResponse = { data: await getService(strapi, 'taxonomy').targetGroups(context) };
      ctx.body = body;
    },

    async site(ctx) {
      const context = await localeOf(ctx.query);
      const body: SiteResponse = { data: await getService(strapi, 'site').find(context) };
      ctx.body = body;
    },

    /** The OpenAPI 3.1 description of these routes, generated from the contract (openapi/public-api-document.ts). */
    async openapi(ctx) {
      parseQuery(noQuery, ctx.query);
      ctx.type = 'application/json; charset=utf-8';
      ctx.set('Access-Control-Allow-Origin', '*');
      ctx.body = publicApiDocument();
    },
  } satisfies Core.Controller;
}
