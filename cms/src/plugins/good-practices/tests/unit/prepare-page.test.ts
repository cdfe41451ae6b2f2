/** Preparing a parsed page for the CMS: slug, title, and values the CMS would refuse as they stand. */
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../server/src/import/errors';
import { preparePage } from '../../server/src/import/prepare-page';
import { readFixture } from './helpers/spring-fixtures';

const migracode = readFixture('migracode.txt');
const czech = readFixture('czech-qualification-recognition-portal.txt');
const withMetadata = (label: string, value: string): string => migracode.replace(`${label}\n`, `${label}\n${value}\n`);

describe('preparePage', () => {
  it('derives the slug from the title and keeps the parsed practice', () => {
    const page = preparePage(migracode);
    expect(page).toMatchObject({ title: 'MigraCode', slug: 'migracode' });
    expect(page.practice.answers).toHaveLength(11);
    expect(page.report.map((entry) => entry.line)).toEqual([...page.report.map((entry) => entry.line)].sort((a, b) => a - b));
  });

  it('takes the title option for a page without a title line, and refuses the page without one', () => {
    expect(preparePage(czech, { title: 'Portal for the recognition of foreign qualifications' }).slug).toBe('portal-for-the-recognition-of-foreign-qualifications');
    expect(() => preparePage(czech)).toThrow(ImportError);
    try {
      preparePage(czech);
    } catch (error) {
      expect((error as ImportError).report.map((entry) => entry.code)).toContain('title-missing');
    }
  });

  it('keeps a full web address', () => {
    expect(preparePage(withMetadata('WEBSITE', 'https://migracode.example/barcelona')).practice.website).toBe('https://migracode.example/barcelona');
  });

  it('completes a bare domain with https:// and says so', () => {
    const page = preparePage(withMetadata('WEBSITE', 'www.migracode.example'));
    expect(page.practice.website).toBe('https://www.migracode.example');
    expect(page.report).toContainEqual(expect.objectContaining({ code: 'website-completed', level: 'warning', line: 14 }));
  });

  it('drops a website that is no web address and says so', () => {
    const page = preparePage(withMetadata('WEBSITE', 'see the Open Cultural Centre page'));
    expect(page.practice.website).toBeNull();
    expect(page.report).toContainEqual(expect.objectContaining({ code: 'website-invalid', level: 'warning' }));
  });

  it('leaves an end date before the start date empty and says so', () => {
    const page = preparePage(withMetadata('PROJECT STARTS', '01/09/2019').replace('PROJECT ENDS\n', 'PROJECT ENDS\n01/06/2018\n'));
    expect(page.practice.projectStart).toBe('2019-09-01');
    expect(page.practice.projectEnd).toBeNull();
    expect(page.report).toContainEqual(expect.objectContaining({ code: 'dates-inverted' }));
  });
});
