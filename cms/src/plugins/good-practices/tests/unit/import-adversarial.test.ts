/**
 * Input built to make a backtracking regex slow (issue 12: a 70 KB file took 89 s): a long run of
 * blanks that does not end its line, and many "<a" without a ">". Each must be read in linear
 * time: these tests run with vitest's default timeout (5 s; this project's config raises it to
 * 60 s for the integration tests), which a quadratic reading exceeds (10 to 70 s measured) and a
 * linear one meets a hundred times over. No timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import { NotASpringPageError } from '../../server/src/import/errors';
import { assertPageText } from '../../server/src/import/page-guard';
import { splitPageLines } from '../../server/src/import/page-lines';
import { preparePage } from '../../server/src/import/prepare-page';
import { readFixture } from './helpers/spring-fixtures';

const SIZE = 70 * 1024;

const VITEST_DEFAULT_TIMEOUT = 5_000;

describe('adversarial import text', { timeout: VITEST_DEFAULT_TIMEOUT }, () => {
  it('trims a 70 KB run of blanks inside a line, as before, in linear time', () => {
    for (const blank of [' ', '\u00A0', '\u200B', '\t']) {
      const [line] = splitPageLines(`${blank}a${blank.repeat(SIZE)}x${blank}`);
      expect(line).toEqual({ line: 1, text: `a${blank.repeat(SIZE)}x` });
    }
    expect(splitPageLines(' \uFEFF\u200B one two \u00A0\r\n\t\n three')).toEqual([
      { line: 1, text: 'one two' },
      { line: 2, text: '' },
      { line: 3, text: 'three' },
    ]);
  });

  it('imports a real page with a 70 KB line of spaces in an answer', () => {
    const page = readFixture('migracode.txt');
    const lines = page.split('\n');
    const at = lines.findIndex((line) => line.startsWith('The services of the practice are accessible'));
    expect(at).toBeGreaterThan(0);
    lines.splice(at + 1, 0, `Padding${' '.repeat(SIZE)}end.`);
    const prepared = preparePage(lines.join('\n'));
    expect(prepared.title).toBe('MigraCode');
    expect(JSON.stringify(prepared.practice)).toContain(`Padding${' '.repeat(SIZE)}end.`);
  });

  it('looks for HTML tags in 70 KB of "<a" without ">" in linear time, and still recognises HTML', () => {
    expect(() => assertPageText(`Title\n${'<a'.repeat(SIZE / 2)}`)).not.toThrow();
    expect(() => preparePage(`Title\n${'<p'.repeat(SIZE / 2)}`)).toThrow(NotASpringPageError);
    expect(() => assertPageText('Notes\n<div class="x">one</div>\n<p>two</p>\n<span>three</span>\n')).toThrow(/HTML markup/);
  });
});
