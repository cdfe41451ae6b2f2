/**
 * The XLIFF text of an import request. Preferred: the file itself as the body with
 * Content-Type application/x-xliff+xml (or application/xml), read here up to 20 MB — Strapi's
 * body parser leaves XML types alone, and its text/* limit (56 kB by default) is far below a
 * real export. Also accepted: text/* bodies within that limit, and JSON `{ "xliff": "…" }`.
 */
import type { IncomingMessage } from 'node:http';
import { errors } from '@strapi/utils';
import { isPlainObject } from '../domain/json-values';

export const MAX_XLIFF_BYTES = 20 * 1024 * 1024;
const XML_TYPES = ['application/x-xliff+xml', 'application/xliff+xml', 'application/xml'];

interface RequestLike {
  req: IncomingMessage;
  request: { body?: unknown };
  is(types: string[]): string | false | null;
}

async function readRaw(stream: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_XLIFF_BYTES) throw new errors.PayloadTooLargeError(`The XLIFF file is larger than ${MAX_XLIFF_BYTES / 1024 / 1024} MB.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function xliffFromRequest(ctx: RequestLike): Promise<string> {
  const body = ctx.request.body;
  if (typeof body === 'string') return body;
  if (isPlainObject(body) && typeof body.xliff === 'string') return body.xliff;
  if (ctx.is(XML_TYPES)) return readRaw(ctx.req);
  throw new errors.ValidationError(
    'Send the XLIFF file as the request body with Content-Type application/x-xliff+xml (or application/xml), or as JSON { "xliff": "…" }.',
  );
}
