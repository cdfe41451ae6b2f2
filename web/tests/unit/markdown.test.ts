import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '../../src/lib/markdown/renderer';

describe('markdown sanitizer', () => {
  it('strips script elements and their content', () => {
    const html = renderMarkdown('Hello\n\n<script>alert("x")</script>\n\n<SCRIPT src="//evil.example/x.js"></SCRIPT>');
    expect(html).toContain('Hello');
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).not.toContain('alert');
  });

  it('strips event handler attributes such as onerror', () => {
    const html = renderMarkdown('<img src="https://example.org/a.png" onerror="alert(1)" alt="a">\n\n<p onclick="alert(2)">x</p>\n\n<a href="https://example.org" onmouseover="alert(3)">y</a>');
    expect(html).not.toMatch(/on(error|click|mouseover)/i);
    expect(html).toContain('src="https://example.org/a.png"');
  });

  it('strips javascript:, vbscript: and data: URLs from links and images', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox(1)) <a href="&#106;avascript:alert(1)">d</a> ![e](data:text/html;base64,PHNjcmlwdD4=)',
    );
    expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(html).not.toContain('&#106;avascript');
  });

  it('drops iframes, objects, forms, styles and inline style attributes', () => {
    const html = renderMarkdown('<iframe src="https://evil.example"></iframe><object data="x"></object><form action="/x"><input></form><style>body{}</style><p style="color:red">t</p>');
    expect(html).not.toMatch(/<(iframe|object|form|input|style)/i);
    expect(html).not.toContain('style=');
    expect(html).toContain('<p>t</p>');
  });

  it('keeps ordinary formatting and safe links, marking external links noopener', () => {
    const html = renderMarkdown('**bold** _em_\n\n- one\n- two\n\n[site](https://example.org "Title") [mail](mailto:a@example.org)');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('href="mailto:a@example.org"');
  });

  it('shifts editor headings below the page outline', () => {
    expect(renderMarkdown('# Top\n\n## Sub', 5)).toBe('<h5>Top</h5>\n<h6>Sub</h6>\n');
    expect(renderMarkdown('# Top', 2)).toBe('<h2>Top</h2>\n');
  });

  it('renders nothing for empty input and plain text for descriptions', () => {
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown('   ')).toBe('');
    expect(markdownToText('**Hello** <script>x</script> [w](https://e.org) & more', 100)).toBe('Hello w & more');
    expect(markdownToText('a '.repeat(100), 10)).toHaveLength(10);
  });

  it('renders the same source again to the same HTML, per heading level (cached by source and level)', () => {
    const source = '# Title\n\nText with [a link](https://example.org) and <script>alert(1)</script>';
    const first = renderMarkdown(source, 3);
    expect(first).toContain('<h3>Title</h3>');
    expect(first).not.toContain('script');
    expect(renderMarkdown(source, 3)).toBe(first);
    expect(renderMarkdown(source, 5)).toContain('<h5>Title</h5>');
    expect(renderMarkdown(source)).toContain('<h2>Title</h2>');
    expect(renderMarkdown(source, 3)).toBe(first);
  });
});
