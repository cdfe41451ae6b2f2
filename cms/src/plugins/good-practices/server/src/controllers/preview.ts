/**
 * GET /api/good-practices/preview/practices/:documentId?locale=xx (routes/preview.ts): the draft
 * practice in the public contract's shape. Same query rules as the public routes (only `locale`).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { localeQuery, type PracticeResponse } from '../../../contract';
import { getService } from '../services/service-access';
import { parseQuery } from './query-validation';

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/i;

export function createPreviewController({ strapi }: { strapi: Core.Strapi }) {
  return {
    async practice(ctx) {
      const context = await getService(strapi, 'locale').resolve(parseQuery(localeQuery, ctx.query).locale);
      const documentId = String(ctx.params.documentId ?? '');
      if (!DOCUMENT_ID.test(documentId)) throw new errors.NotFoundError(`There is no practice “${documentId}”.`);
      const body: PracticeResponse = { data: await getService(strapi, 'preview').practice(documentId, context) };
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = body;
    },
  } satisfies Core.Controller;
}
