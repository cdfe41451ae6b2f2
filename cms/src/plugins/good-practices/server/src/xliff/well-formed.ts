/**
 * Whether a text is a well-formed XML document as far as its structure goes: every element
 * closed, closed in order, one root element, nothing but comments and processing instructions
 * around it. The `xliff` package's parser is lenient: it reads a truncated file (a download cut
 * short, an editor that saved half of it) as the units before the cut, which would import part
 * of a file. Attribute values, comments, CDATA sections, processing instructions and a DOCTYPE
 * are skipped as units, so a ">" or "<" inside them is not taken for markup.
 */

const NAME = /[A-Za-z_:][\w:.\-\u00B7-\uFFFF]*/y;
const ATTRIBUTES = /(?:\s+[A-Za-z_:][\w:.\-\u00B7-\uFFFF]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?)>/y;

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** Skips a construct that starts at `index` and ends with `end`; undefined when it never ends. */
function skipTo(text: string, index: number, end: string): number | undefined {
  const at = text.indexOf(end, index);
  return at === -1 ? undefined : at + end.length;
}

/** The first structural problem of `text`, in words with its line, or undefined when there is none. */
export function structuralProblem(text: string): string | undefined {
  const open: string[] = [];
  let roots = 0;
  let index = 0;
  while (index < text.length) {
    const lt = text.indexOf('<', index);
    const textBefore = text.slice(index, lt === -1 ? text.length : lt);
    if (open.length === 0 && textBefore.trim() !== '') return `text outside the root element on line ${lineOf(text, index)}`;
    if (lt === -1) break;
    const startsAt = (prefix: string, at: number) => text.startsWith(prefix, at);
    let next: number | undefined;
    if (startsAt('<?', lt)) next = skipTo(text, lt + 2, '?>');
    else if (startsAt('<!--', lt)) next = skipTo(text, lt + 4, '-->');
    else if (startsAt('<![CDATA[', lt)) {
      if (open.length === 0) return `a CDATA section outside the root element on line ${lineOf(text, lt)}`;
      next = skipTo(text, lt + 9, ']]>');
    } else if (startsAt('<!DOCTYPE', lt)) {
      const subset = text.indexOf('[', lt);
      const close = text.indexOf('>', lt);
      next = subset !== -1 && subset < close ? skipTo(text, skipTo(text, subset, ']') ?? text.length, '>') : close === -1 ? undefined : close + 1;
    } else if (startsAt('</', lt)) {
      NAME.lastIndex = lt + 2;
      const name = NAME.exec(text)?.[0];
      const close = /\s*>/y;
      close.lastIndex = lt + 2 + (name?.length ?? 0);
      if (!name || !close.exec(text)) return `a malformed closing tag on line ${lineOf(text, lt)}`;
      const expected = open.pop();
      if (expected !== name) return expected ? `</${name}> closes <${expected}> on line ${lineOf(text, lt)}` : `</${name}> closes no element on line ${lineOf(text, lt)}`;
      next = close.lastIndex;
    } else {
      NAME.lastIndex = lt + 1;
      const name = NAME.exec(text)?.[0];
      if (!name) return `a “<” that starts no tag on line ${lineOf(text, lt)}`;
      ATTRIBUTES.lastIndex = lt + 1 + name.length;
      const tag = ATTRIBUTES.exec(text);
      if (!tag) return `the tag <${name} on line ${lineOf(text, lt)} is not closed or has a malformed attribute`;
      if (open.length === 0) {
        roots += 1;
        if (roots > 1) return `a second root element <${name}> on line ${lineOf(text, lt)}`;
      }
      if (tag[1] !== '/') open.push(name);
      next = ATTRIBUTES.lastIndex;
    }
    if (next === undefined) return `a comment, CDATA section or declaration that never ends (from line ${lineOf(text, lt)})`;
    index = next;
  }
  if (open.length > 0) return `the file ends before <${open[open.length - 1]}> is closed: it looks cut short`;
  if (roots === 0) return 'there is no XML element at all';
  return undefined;
}
