/**
 * Markdown written by editors → safe HTML: rendered with marked, then cleaned with sanitize-html
 * on an allow-list, so nothing an editor types can run script (no <script>, no event handler
 * attributes, no javascript:/data: URLs, no inline styles, no iframes).
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup',
    'mark', 'abbr', 'q', 'cite', 'small', 'span', 'a', 'img',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'hreflang', 'lang', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start', 'reversed'],
    '*': ['lang', 'dir'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  allowedClasses: {},
};

function headingShift(level: number, base: number): sanitizeHtml.Transformer {
  return (_tagName, attribs) => ({ tagName: `h${Math.min(6, base + level - 1)}`, attribs });
}

const linkRel: sanitizeHtml.Transformer = (tagName, attribs) => {
  const external = /^https?:\/\//i.test(attribs.href ?? '');
  return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer' } : attribs };
};

/**
 * Renders editor Markdown to sanitized HTML; empty string for null/blank input.
 * `headingBase` is the level an editor's top heading (`#`) becomes, so headings inside content
 * continue the page's outline instead of breaking it (default 2: content under the page's h1).
 */
export function renderMarkdown(markdown: string | null | undefined, headingBase = 2): string {
  if (!markdown || markdown.trim() === '') return '';
  const hit = cachedMarkdown(markdown, headingBase);
  if (hit !== undefined) return hit;
  const safe = renderUncached(markdown, headingBase);
  rememberMarkdown(markdown, headingBase, safe);
  return safe;
}

/** Rendering and sanitizing alone, without the cache (what the static build's workers run). */
export function renderUncached(markdown: string, headingBase: number): string {
  const html = marked.parse(markdown, { async: false }) as string;
  return sanitizeHtml(html, { ...SANITIZE_OPTIONS, transformTags: transformTagsFor(headingBase) });
}

/** The cached rendering of `markdown` at `headingBase`, if there is one (most recently used now). */
export function cachedMarkdown(markdown: string, headingBase: number): string | undefined {
  const key = `${headingBase}\u0000${markdown}`;
  const hit = rendered.get(key);
  if (hit !== undefined) {
    // Most recently used last: the Map's order is the eviction order.
    rendered.delete(key);
    rendered.set(key, hit);
  }
  return hit;
}

/** Keeps a rendering made by {@link renderUncached} (here or in a worker). */
export function rememberMarkdown(markdown: string, headingBase: number, html: string): void {
  remember(`${headingBase}\u0000${markdown}`, html);
}

/**
 * Rendered Markdown by source and heading level. Rendering + sanitizing is a quarter of an
 * uncached page render, and the same texts come back again and again: criteria group
 * descriptions on every practice page of a locale, a default-locale practice on its fallback
 * pages in every other locale, a page rendered again on request after its cache entry expired.
 * The output depends on nothing else, so the cache cannot serve a wrong page; it is bounded by
 * the characters it holds (least recently used out first).
 */
const MAX_CACHED_CHARS = 16 * 1024 * 1024;
const rendered = new Map<string, string>();
let cachedChars = 0;

function remember(key: string, html: string): void {
  const size = key.length + html.length;
  if (size > MAX_CACHED_CHARS / 16) return;
  // Kept already (the same text twice in one batch of the static build's workers): count it once.
  const kept = rendered.get(key);
  if (kept !== undefined) {
    rendered.delete(key);
    cachedChars -= key.length + kept.length;
  }
  rendered.set(key, html);
  cachedChars += size;
  for (const [oldKey, oldHtml] of rendered) {
    if (cachedChars <= MAX_CACHED_CHARS) break;
    rendered.delete(oldKey);
    cachedChars -= oldKey.length + oldHtml.length;
  }
}

const transformTagsByBase = new Map<number, Record<string, sanitizeHtml.Transformer>>();
function transformTagsFor(headingBase: number): Record<string, sanitizeHtml.Transformer> {
  let transformTags = transformTagsByBase.get(headingBase);
  if (!transformTags) {
    transformTags = { a: linkRel };
    for (let level = 1; level <= 6; level++) transformTags[`h${level}`] = headingShift(level, headingBase);
    transformTagsByBase.set(headingBase, transformTags);
  }
  return transformTags;
}

/** Sanitizes HTML that did not come from marked (defence in depth for any other rich text). */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/** Plain text of Markdown (for meta descriptions and RSS), whitespace collapsed, cut at `max` characters. */
export function markdownToText(markdown: string | null | undefined, max = 300): string {
  if (!markdown) return '';
  const html = marked.parse(markdown, { async: false }) as string;
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
