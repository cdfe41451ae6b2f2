/**
 * The front door of `POST /api/good-practices/submissions`, mounted on the Koa app in the plugin's
 * register phase so that it runs before Strapi's body parser (whose url-encoded limit is 56 KB and
 * whose `qs` parsing turns the dots of framework keys into nested objects):
 *
 * 1. the per-client rate limit, before a byte is read (429, Retry-After); the client is Koa's
 *    `ctx.ip`, which follows X-Forwarded-For only when TRUST_PROXY says so (cms/src/trusted-proxy.ts);
 * 2. a compressed body is refused (415): a little gzip can inflate to far more than the limit;
 * 3. the body is read up to SUBMISSION_MAX_BODY_BYTES, counted while reading whatever
 *    Content-Length says (413 at the first byte over, or at once for a larger declared length);
 * 4. JSON or a form, parsed here (400 / 415 otherwise), kept in `ctx.state.submission` for the
 *    controller. The request's content type is then marked as read, so that Strapi's body parser
 *    does not try to read the consumed stream again.
 *
 * Answers of its own are in Strapi's error envelope, written without throwing (they run before
 * `strapi::errors`).
 */
import type { Core } from '@strapi/strapi';
import { SUBMISSION_MAX_BODY_BYTES, submissionPaths } from '../../../contract/submissions';
import { SlidingWindowLimiter } from './rate-limiter';
import type { SubmissionSettings } from './settings';

export type SubmissionIntake = { encoding: 'json'; body: unknown } | { encoding: 'form'; body: URLSearchParams };

/** What the body parser sees once the body has been read here: no type it parses. */
const READ_MARKER = 'application/x-good-practices-read';

const NAMES = { 400: 'BadRequestError', 413: 'PayloadTooLargeError', 415: 'UnsupportedMediaTypeError', 429: 'TooManyRequestsError' } as const;

interface KoaContext {
  method: string;
  path: string;
  ip: string;
  status: number;
  body: unknown;
  req: NodeJS.ReadableStream & { headers: Record<string, string | string[] | undefined> };
  state: Record<string, unknown>;
  get(field: string): string;
  set(field: string, value: string): void;
  is(...types: string[]): string | false | null;
}

function refuse(ctx: KoaContext, status: keyof typeof NAMES, message: string, close = false): void {
  if (close) ctx.set('Connection', 'close');
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: NAMES[status], message, details: {} } };
}

class TooLarge extends Error {}

async function readBounded(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) throw new TooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function isSubmissionPost(method: string, path: string): boolean {
  return method === 'POST' && path.replace(/\/+$/, '') === submissionPaths.submit;
}

export function createSubmissionIntake(settings: SubmissionSettings) {
  const limiter = new SlidingWindowLimiter(settings.perClient, settings.windowMs);
  const tooLarge = `A submission may not exceed ${SUBMISSION_MAX_BODY_BYTES / 1024} KB.`;

  return async (ctx: KoaContext, next: () => Promise<unknown>): Promise<unknown> => {
    if (!isSubmissionPost(ctx.method, ctx.path)) return next();

    const rate = limiter.take(ctx.ip);
    if (!rate.allowed) {
      ctx.set('Retry-After', String(rate.retryAfterSeconds));
      return refuse(ctx, 429, `Too many submissions from this address: at most ${settings.perClient} in ${settings.windowMs / 60_000} minutes. Try again later.`, true);
    }
    const encoding = ctx.get('Content-Encoding').trim().toLowerCase();
    if (encoding !== '' && encoding !== 'identity') return refuse(ctx, 415, 'Send the submission uncompressed.', true);
    const declared = ctx.get('Content-Length');
    if (declared !== '' && (!/^\d+$/.test(declared) || Number(declared) > SUBMISSION_MAX_BODY_BYTES)) return refuse(ctx, 413, tooLarge, true);

    const json = ctx.is('application/json') !== false && ctx.is('application/json') !== null;
    const form = !json && ctx.is('application/x-www-form-urlencoded') !== false && ctx.is('application/x-www-form-urlencoded') !== null;
    if (!json && !form) return refuse(ctx, 415, 'Send the submission as application/json or application/x-www-form-urlencoded.', true);

    let raw: Buffer;
    try {
      raw = await readBounded(ctx.req, SUBMISSION_MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof TooLarge) return refuse(ctx, 413, tooLarge, true);
      throw error;
    }
    ctx.req.headers['content-type'] = READ_MARKER;
    const text = new TextDecoder('utf-8', { fatal: false }).decode(raw);
    if (json) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return refuse(ctx, 400, 'The body is not valid JSON.');
      }
      ctx.state.submission = { encoding: 'json', body } satisfies SubmissionIntake;
    } else {
      ctx.state.submission = { encoding: 'form', body: new URLSearchParams(text) } satisfies SubmissionIntake;
    }
    return next();
  };
}

export function registerSubmissionIntake(strapi: Core.Strapi, settings: SubmissionSettings): void {
  strapi.server.use(createSubmissionIntake(settings) as unknown as Parameters<Core.Strapi['server']['use']>[0]);
}
