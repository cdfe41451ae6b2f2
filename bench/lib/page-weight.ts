/**
 * Page weight as a browser downloads it: the HTML, the stylesheets and scripts it references
 * (and inline scripts), each raw and compressed separately (gzip level 6, brotli quality 11 as
 * for precompressed static files).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageWeight {
  url: string;
  html: Sizes;
  css: Sizes;
  js: Sizes;
  total: Sizes;
  stylesheets: string[];
  scripts: string[];
  inlineScripts: number;
}

export function sizes(bytes: Buffer): Sizes {
  if (bytes.length === 0) return { raw: 0, gzip: 0, brotli: 0 };
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 6 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  };
}

function add(...all: Sizes[]): Sizes {
  return all.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);
}

/** Stylesheet and script references of an HTML document (and the inline executable scripts). */
export function references(html: string): { stylesheets: string[]; scripts: string[]; inline: string[] } {
  const stylesheets: string[] = [];
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(match[0], 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attribute(match[0], 'href');
    if (rel.includes('stylesheet') && href) stylesheets.push(href);
  }
  const scripts: string[] = [];
  const inline: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const tag = `<script${match[1]}>`;
    const type = attribute(tag, 'type')?.toLowerCase();
    // JSON-LD and other data blocks are not JavaScript.
    if (type && !/^(module|text\/javascript|application\/javascript)$/.test(type)) continue;
    const src = attribute(tag, 'src');
    if (src) scripts.push(src);
    else if (match[2]!.trim()) inline.push(match[2]!);
  }
  return { stylesheets, scripts, inline };
}

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`page weight: GET ${url}: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

export async function pageWeight(url: string): Promise<PageWeight> {
  const htmlBytes = await download(url);
  const html = htmlBytes.toString('utf8');
  const refs = references(html);
  const css = add(...(await Promise.all(refs.stylesheets.map(async (href) => sizes(await download(new URL(href, url).href))))));
  const externalJs = add(...(await Promise.all(refs.scripts.map(async (src) => sizes(await download(new URL(src, url).href))))));
  const js = add(externalJs, ...refs.inline.map((code) => sizes(Buffer.from(code))));
  const htmlSizes = sizes(htmlBytes);
  // Inline scripts are inside the HTML already: the total counts them once.
  return {
    url,
    html: htmlSizes,
    css,
    js,
    total: add(htmlSizes, css, externalJs),
    stylesheets: refs.stylesheets,
    scripts: refs.scripts,
    inlineScripts: refs.inline.length,
  };
}
