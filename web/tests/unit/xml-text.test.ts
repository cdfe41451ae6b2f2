import { describe, expect, it } from 'vitest';
import { rss, sitemap } from '../../src/lib/site/feeds';
import { xmlText } from '../../src/lib/site/xml-text';

/** Every character XML 1.0 forbids (Char production), as a test of the output. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const allC0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');

describe('xmlText', () => {
  it('drops C0 controls but keeps tab, line feed and carriage return', () => {
    expect(xmlText(`a${allC0}b`)).toBe('a\t\n\rb');
  });

  it('drops U+FFFE, U+FFFF and lone surrogates, keeps pairs (emoji) and other characters', () => {
    expect(xmlText('x\uFFFEy\uFFFFz')).toBe('xyz');
    expect(xmlText('lone \uD800 high, lone \uDC00 low, reversed \uDC00\uD800.')).toBe('lone  high, lone  low, reversed .');
    expect(xmlText('emoji 😀 ok, Ελληνικά, العربية, \u007F\u0085 kept')).toBe('emoji 😀 ok, Ελληνικά, العربية, \u007F\u0085 kept');
  });
});

describe('feeds', () => {
  const dirty = `Title\u0001 with\u0008 controls\u000B\uFFFF and \uD800 & <b>`;

  it('writes an RSS feed without any character XML forbids, the text otherwise intact', () => {
    const xml = rss({
      title: dirty,
      link: 'https://example.org/en/practices/',
      self: 'https://example.org/en/rss.xml',
      description: dirty,
      language: 'en',
      items: [{ title: dirty, link: 'https://example.org/en/practices/a/', guid: 'https://example.org/en/practices/a/', description: dirty, pubDate: new Date(0), categories: [dirty] }],
    });
    expect(xml).not.toMatch(FORBIDDEN);
    expect(xml).toContain('<title>Title with controls and  &amp; &lt;b&gt;</title>');
  });

  it('writes a sitemap without any character XML forbids', () => {
    const xml = sitemap([{ loc: `https://example.org/a\u0002/`, lastmod: '2026-01-01\u0003', alternates: [{ hreflang: 'en\u0004', href: 'https://example.org/en/\uFFFE' }] }]);
    expect(xml).not.toMatch(FORBIDDEN);
    expect(xml).toContain('<loc>https://example.org/a/</loc>');
  });
});
