/**
 * The `.ris` and `.bib` downloads of a practice (src/lib/site/citation.ts). citation-js maps the
 * record; its RIS text output hard-wraps every value at 70 characters, which cut the practice's
 * URL in two in every download (`UR  - …/portal-for-the-recognition-of-fore` + `ign-qualifications/`).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_LICENCE, type PracticeDetail } from 'strapi-plugin-good-practices/contract';
import { bibtexOf, risOf } from '../../src/lib/site/citation';
import { samplePractices } from '../helpers/practice-samples';

const longUrl = `https://good-practices.example.org/en/practices/${'portal-for-the-recognition-of-foreign-qualifications'}/`;

function source(overrides: Partial<PracticeDetail> = {}) {
  const practice = { ...samplePractices()[1]!, ...overrides };
  return { practice, url: longUrl, siteName: 'Good practices for migrant integration', licence: DEFAULT_DATA_LICENCE };
}

describe('RIS', () => {
  it('writes one line per value, long URLs and texts whole, CRLF line ends, TY first and ER last', () => {
    const summary = 'An online portal, in Czech and English, that guides medium- and high-skilled migrants step by step through the recognition of their foreign education.';
    const ris = risOf(source({ summary }));
    expect(ris.endsWith('\r\n')).toBe(true);
    const lines = ris.slice(0, -2).split('\r\n');
    expect(lines[0]).toBe('TY  - ELEC');
    expect(lines.at(-1)).toBe('ER  - ');
    for (const line of lines) expect(line, line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines).toContain(`UR  - ${longUrl}`);
    expect(lines).toContain(`AB  - ${summary}`);
    expect(lines).toContain(`TI  - ${source().practice.title}`);
  });

  it('gives each integration area its own keyword, without stray spaces', () => {
    const ris = risOf(source());
    const keywords = ris.split('\r\n').filter((line) => line.startsWith('KW  - ')).map((line) => line.slice(6));
    expect(keywords).toEqual(source().practice.integrationAreas.map((a) => a.name));
  });

  it('keeps a line break inside a text from starting a new tag', () => {
    const ris = risOf(source({ title: 'Two\nlines\r\nER  - injected' }));
    expect(ris.split('\r\n').filter((line) => line.startsWith('ER  - '))).toEqual(['ER  - ']);
  });
});

describe('BibTeX', () => {
  it('is one @misc entry with the page URL', () => {
    const bib = bibtexOf(source());
    expect(bib.match(/^@misc\{/gm)).toHaveLength(1);
    expect(bib).toContain(`url = {${longUrl}}`);
  });
});
