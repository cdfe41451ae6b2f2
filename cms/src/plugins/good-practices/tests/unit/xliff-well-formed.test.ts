import { describe, expect, it } from 'vitest';
import { structuralProblem } from '../../server/src/xliff/well-formed';

const complete = `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported -->
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="good-practices" datatype="plaintext" source-language="en" target-language="cs">
    <body>
      <trans-unit id="question/a/text"><source>Who &amp; why? a &gt; b</source><target>Kdo?</target></trans-unit>
      <trans-unit id="site/labels/x" note="1 > 0"><source><![CDATA[<b> is not markup here]]></source><target/></trans-unit>
    </body>
  </file>
</xliff>
`;

describe('XML structure of an XLIFF file', () => {
  it('accepts a complete document, with comments, CDATA, ">" in text and attributes, and empty elements', () => {
    expect(structuralProblem(complete)).toBeUndefined();
    expect(structuralProblem('<!DOCTYPE xliff [ <!ENTITY a "b"> ]><xliff/>')).toBeUndefined();
  });

  it('refuses a file cut short anywhere, naming the element left open', () => {
    for (const cut of [0.3, 0.5, 0.7, 0.9, 0.99]) {
      const problem = structuralProblem(complete.slice(0, Math.floor(complete.length * cut)));
      expect(problem, `cut at ${cut}`).toBeDefined();
    }
    expect(structuralProblem(complete.slice(0, complete.indexOf('</xliff>')))).toMatch(/ends before <xliff> is closed/);
  });

  it('refuses crossed or stray closing tags, text or a second element outside the root, and a "<" that starts no tag', () => {
    expect(structuralProblem('<a><b></a></b>')).toMatch(/<\/a> closes <b> on line 1/);
    expect(structuralProblem('<a></a></a>')).toMatch(/closes no element/);
    expect(structuralProblem('this is not <xml>')).toMatch(/text outside the root element/);
    expect(structuralProblem('<a/><b/>')).toMatch(/second root element <b>/);
    expect(structuralProblem('<a>1 < 2</a>')).toMatch(/starts no tag/);
    expect(structuralProblem('<a x="1></a>')).toMatch(/is not closed or has a malformed attribute/);
    expect(structuralProblem('<a><!-- never ends</a>')).toMatch(/never ends/);
    expect(structuralProblem('  ')).toMatch(/no XML element/);
  });
});
