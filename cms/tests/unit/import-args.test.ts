/** Arguments of the SPRING import command (cms/scripts/lib/import-args.ts). */
import { describe, expect, it } from 'vitest';
import { isCountryCode, parseImportArgs, UsageError } from '../../scripts/lib/import-args.ts';

const existing = new Set(['a.txt', 'b.txt', '-dash.txt']);
const parse = (argv: string[]) => parseImportArgs(argv, { isFile: (file) => existing.has(file) });

describe('parseImportArgs', () => {
  it('defaults to a draft in the CMS default locale', () => {
    expect(parse(['a.txt'])).toEqual({ help: false, locale: undefined, status: 'draft', dryRun: false, title: undefined, country: undefined, files: ['a.txt'] });
  });

  it('reads every option', () => {
    expect(parse(['--locale', 'cs', '--status', 'published', '--dry-run', '--title', '  A   title ', '--country', 'cz', 'a.txt'])).toEqual({
      help: false,
      locale: 'cs',
      status: 'published',
      dryRun: true,
      title: 'A title',
      country: 'CZ',
      files: ['a.txt'],
    });
    expect(parse(['--locale=pt-BR', 'a.txt', 'b.txt']).locale).toBe('pt-BR');
    expect(parse(['--status', 'draft', '--', '-dash.txt']).files).toEqual(['-dash.txt']);
  });

  it('answers --help without checking anything else', () => {
    expect(parse(['--help']).help).toBe(true);
    expect(parse(['-h', '--status', 'nonsense']).help).toBe(true);
  });

  it.each([
    [['--unknown', 'a.txt'], /Unknown option '--unknown'/],
    [['--status', 'live', 'a.txt'], /--status must be draft or published/],
    [['--locale', 'EN', 'a.txt'], /not a locale code/],
    [['--locale', 'english', 'a.txt'], /not a locale code/],
    [['--country', 'Czechia', 'a.txt'], /not an ISO 3166-1 alpha-2/],
    [['--country', 'EU', 'a.txt'], /not an ISO 3166-1 alpha-2/],
    [['--country', 'XX', 'a.txt'], /not an ISO 3166-1 alpha-2/],
    [['--title', '   ', 'a.txt'], /--title must not be empty/],
    [['--title', 'One', 'a.txt', 'b.txt'], /--title applies to a single page/],
    [['--dry-run'], /No FILE given/],
    [['missing.txt', 'a.txt'], /No such file: missing\.txt/],
    [['a.txt', '--locale'], /argument missing/],
    [['--dry-run=yes', 'a.txt'], /does not take an argument/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });
});

describe('isCountryCode', () => {
  it.each(['CZ', 'ES', 'DE', 'GB', 'XK'])('%s is a country', (code) => expect(isCountryCode(code)).toBe(true));
  it.each(['UK', 'EU', 'ZZ', 'QO', 'XA', 'cz', 'CZE', ''])('%s is not', (code) => expect(isCountryCode(code)).toBe(false));
});
