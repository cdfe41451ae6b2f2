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
  const html = marked.parse(markdown, { async: false }) as string;
  const transformTags: Record<string, sanitizeHtml.Transformer> = { a: linkRel };
  for (let level = 1; level <= 6; level++) transformTags[`h${level}`] = headingShift(level, headingBase);
  return sanitizeHtml(html, { ...SANITIZE_OPTIONS, transformTags });
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
