/**
 * `global::auth-body-caps`, registered just before `strapi::body`: the authentication routes
 * (request-limits.ts) accept a body of at most AUTH_BODY_LIMIT_BYTES, decided from the headers
 * alone so that nothing of a larger body is read, parsed or kept:
 *
 * - a declared Content-Length over the cap → 413;
 * - a body without Content-Length (chunked) → 411: the size would only be known by reading it,
 *   and every client of these routes (the admin, fetch, curl) sends the length of a small body;
 * - a compressed body (Content-Encoding) → 415: a few KB of gzip can inflate to megabytes.
 *
 * The connection is closed after such an answer, so Node does not go on reading the unread body.
 */
import type { Core } from '@strapi/strapi';
import { AUTH_BODY_LIMIT_BYTES, isAuthRoute } from '../request-limits';

type Context = Parameters<Core.MiddlewareHandler>[0];

const NAMES = { 411: 'LengthRequiredError', 413: 'PayloadTooLargeError', 415: 'UnsupportedMediaTypeError' } as const;

/**
 * Answers in Strapi's error shape without throwing: a thrown error would be logged with its stack
 * by `strapi::errors`, one log entry per hostile request.
 */
function refuse(ctx: Context, status: 411 | 413 | 415, message: string): void {
  ctx.set('Connection', 'close');
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: NAMES[status], message, details: {} } };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const restPrefix = String(strapi.config.get('api.rest.prefix', '/api'));
  return async (ctx, next) => {
    if (!isAuthRoute(ctx.path, restPrefix)) return next();
    const length = ctx.get('Content-Length');
    const chunked = ctx.get('Transfer-Encoding') !== '';
    if (chunked) return refuse(ctx, 411, 'Send the length of the body (Content-Length): this route takes small bodies only.');
    if (length !== '' && !(/^\d+$/.test(length) && Number(length) <= AUTH_BODY_LIMIT_BYTES)) {
      return refuse(ctx, 413, `The body of this route may not exceed ${AUTH_BODY_LIMIT_BYTES} bytes.`);
    }
    const encoding = ctx.get('Content-Encoding').trim().toLowerCase();
    if (encoding !== '' && encoding !== 'identity') return refuse(ctx, 415, 'This route takes uncompressed bodies only.');
    return next();
  };
};
