/**
 * The XLIFF text of an import request, at most `XLIFF_MAX_UPLOAD_MB` (default 10 MB):
 *
 * - preferred: the file itself as the body with Content-Type application/x-xliff+xml (or
 *   application/xml). A declared Content-Length over the limit is refused (413) before Strapi's
 *   body parser runs, by upload-limit.ts, whatever the body type; Strapi's body parser leaves XML
 *   types alone, so such a body is read here, counted as it streams when it has no length, and
 *   decoded as strict UTF-8: a file with invalid UTF-8 is refused whole, naming its line;
 * - a multipart form with the file as its `xliff` part (read from Strapi's upload temp file,
 *   decoded the same way) or as an `xliff` text field (the admin panel's form);
 * - JSON `{ "xliff": "…" }` and text/* bodies within Strapi's body-parser limits.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { errors } from '@strapi/utils';
import { isPlainObject } from '../domain/json-values';
import { decodeUtf8, InvalidUtf8Error } from '../domain/utf8';
import { fileProblem } from './import-problems';

export const DEFAULT_MAX_XLIFF_MB = 10;
const XML_TYPES = ['application/x-xliff+xml', 'application/xliff+xml', 'application/xml'];

/** The largest accepted upload in bytes, from XLIFF_MAX_UPLOAD_MB (a positive number of MB). */
export function maxXliffBytes(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.XLIFF_MAX_UPLOAD_MB?.trim();
  if (!value) return DEFAULT_MAX_XLIFF_MB * 1024 * 1024;
  const megabytes = Number(value);
  if (!Number.isFinite(megabytes) || megabytes <= 0) throw new Error(`XLIFF_MAX_UPLOAD_MB must be a positive number of megabytes, not “${value}”.`);
  return Math.floor(megabytes * 1024 * 1024);
}

/** What a refused upload is told (with its size when known). */
export function tooLargeMessage(max: number, size?: number): string {
  const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  return `The XLIFF file${size === undefined ? '' : ` (${megabytes(size)})`} is larger than the ${megabytes(max)} an upload may have (XLIFF_MAX_UPLOAD_MB); nothing was imported. Export and translate fewer areas at a time.`;
}

function tooLarge(max: number, size?: number): never {
  throw new errors.PayloadTooLargeError(tooLargeMessage(max, size));
}

interface UploadedFile {
  filepath?: string;
  size?: number;
}

interface RequestLike {
  req: IncomingMessage;
  request: { body?: unknown; files?: Record<string, UploadedFile | UploadedFile[] | undefined> };
  is(types: string[]): string | false | null;
}

function strictText(bytes: Uint8Array): string {
  try {
    return decodeUtf8(bytes);
  } catch (error) {
    if (error instanceof InvalidUtf8Error) fileProblem(`${error.message}; nothing was imported.`);
    throw error;
  }
}

/**
 * The body's bytes, refused past `max`: from then on the rest is drained without being kept (an
 * abrupt close would reset the connection before the client reads the 413).
 */
function readRaw(stream: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    function onData(chunk: Buffer | string) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += buffer.length;
      if (size <= max) {
        chunks.push(buffer);
        return;
      }
      stop();
      chunks.length = 0;
      stream.resume();
      try {
        tooLarge(max);
      } catch (error) {
        reject(error);
      }
    }
    function onEnd() {
      stop();
      resolve(Buffer.concat(chunks));
    }
    function onError(error: Error) {
      stop();
      reject(error);
    }
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

export async function xliffFromRequest(ctx: RequestLike): Promise<string> {
  const max = maxXliffBytes();
  // Up front: a declared length over the limit is refused before a byte of the body is read.
  const declared = Number(ctx.req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) tooLarge(max, declared);

  const part = ctx.request.files?.xliff;
  const file = Array.isArray(part) ? part[0] : part;
  if (file?.filepath) {
    if ((file.size ?? 0) > max) tooLarge(max, file.size);
    return strictText(await readFile(file.filepath));
  }
  const body = ctx.request.body;
  const text = typeof body === 'string' ? body : isPlainObject(body) && typeof body.xliff === 'string' ? body.xliff : undefined;
  if (text !== undefined) {
    if (Buffer.byteLength(text) > max) tooLarge(max, Buffer.byteLength(text));
    return text;
  }
  if (ctx.is(XML_TYPES)) return strictText(await readRaw(ctx.req, max));
  throw new errors.ValidationError(
    'Send the XLIFF file as the request body with Content-Type application/x-xliff+xml (or application/xml), as the `xliff` part of a multipart form, or as JSON { "xliff": "…" }.',
  );
}
