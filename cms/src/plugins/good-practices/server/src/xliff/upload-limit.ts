/**
 * Refuses an XLIFF upload over XLIFF_MAX_UPLOAD_MB from its declared Content-Length alone, before
 * a byte of the body is read. Mounted on the Koa app in the plugin's register phase, so it runs
 * before Strapi's body parser, which would otherwise receive a multipart form (the admin panel's
 * upload) whole before the import route could look at its size. The answer has the shape of
 * Strapi's error envelope (413 PayloadTooLargeError); the body is never parsed.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../plugin-id';
import { maxXliffBytes, tooLargeMessage } from './request-body';

const IMPORT_PATH = `/${PLUGIN_ID}/xliff/import`;

interface KoaContext {
  method: string;
  path: string;
  status: number;
  body: unknown;
  get(field: string): string;
}

export function createXliffUploadLimit(): (ctx: KoaContext, next: () => Promise<unknown>) => Promise<unknown> {
  return async (ctx, next) => {
    if (ctx.method === 'POST' && ctx.path.replace(/\/+$/, '') === IMPORT_PATH) {
      const declared = Number(ctx.get('content-length'));
      const max = maxXliffBytes();
      if (ctx.get('content-length') !== '' && Number.isFinite(declared) && declared > max) {
        ctx.status = 413;
        ctx.body = { data: null, error: { status: 413, name: 'PayloadTooLargeError', message: tooLargeMessage(max, declared), details: {} } };
        return undefined;
      }
    }
    return next();
  };
}

export function registerXliffUploadLimit(strapi: Core.Strapi): void {
  strapi.server.use(createXliffUploadLimit() as Parameters<Core.Strapi['server']['use']>[0]);
}
